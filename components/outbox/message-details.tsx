import type { ReactNode } from "react";
import { IntentLink } from "@/components/ui/intent-link";
import type { OutboxMessageDetail } from "@/db/queries/outbox";
import type { OutboxAbout } from "@/db/queries/outbox-about";
import { templateLabel } from "@/lib/notify/template-labels";
import { LocalTime } from "@/components/time/viewer-time";
import { OutboxStatusBadge } from "./outbox-status-badge";
import { PhoneNumber } from "@/components/phone/phone-number";

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="grid gap-0.5 sm:grid-cols-[8rem_1fr] sm:gap-3">
      <dt className="text-sm text-muted-foreground">{label}</dt>
      <dd className="min-w-0 text-sm [overflow-wrap:anywhere]">{children}</dd>
    </div>
  );
}

function Addresses({ values, phones = false, region }: { values: string[]; phones?: boolean; region: string }) {
  if (values.length === 0) return "—";
  return (
    <ul>
      {values.map((v) => (
        <li key={v}>{phones ? <PhoneNumber value={v} region={region} /> : v}</li>
      ))}
    </ul>
  );
}

/**
 * The envelope and delivery state of one message. `from` is the From header
 * emails go out with now (sender name from settings, address from EMAIL_FROM):
 * it isn't stored per message, so it shows what a send or retry would use.
 */
/** `region` is the business's country, for showing phone numbers. */
export function MessageDetails({ message: m, about, from, region }: { message: OutboxMessageDetail; about: OutboxAbout; from?: string; region: string }) {
  const pending = m.status === "queued" || m.status === "failed";
  return (
    <dl className="grid gap-3">
      <Row label="Status">
        <OutboxStatusBadge status={m.status} />
      </Row>
      <Row label="Channel">{m.channel === "email" ? "Email" : "SMS"}</Row>
      {m.channel === "email" && from && <Row label="From">{from}</Row>}
      <Row label="To">
        <Addresses values={m.to} phones={m.channel === "sms"} region={region} />
      </Row>
      {m.channel === "email" && (
        <>
          <Row label="Cc">
            <Addresses values={m.cc} region={region} />
          </Row>
          <Row label="Bcc">
            <Addresses values={m.bcc} region={region} />
          </Row>
        </>
      )}
      <Row label="Template">
        <span title={m.template}>{templateLabel(m.template)}</span>
      </Row>
      {about.record && about.record.label !== about.client?.name && (
        <Row label="About">
          {about.record.href ? (
            <IntentLink href={about.record.href} className="underline underline-offset-4">
              {about.record.label}
            </IntentLink>
          ) : (
            about.record.label
          )}
        </Row>
      )}
      {about.client ? (
        <Row label="Client">
          <IntentLink href={about.client.href} className="underline underline-offset-4">
            {about.client.name}
          </IntentLink>
        </Row>
      ) : (
        m.clientId && <Row label="Client">Deleted client</Row>
      )}
      <Row label="Queued">
        <LocalTime value={m.createdAt} />
      </Row>
      {pending && (
        <Row label="Next attempt">
          <LocalTime value={m.nextAttemptAt} />
        </Row>
      )}
      {m.sentAt && (
        <Row label={m.status === "captured" ? "Captured" : "Sent"}>
          <LocalTime value={m.sentAt} />
        </Row>
      )}
      <Row label="Attempts">{m.attempts}</Row>
      {m.providerMessageId && (
        <Row label="Provider id">
          <span className="break-all font-mono text-xs">{m.providerMessageId}</span>
        </Row>
      )}
      <Row label="Idempotency key">
        <span className="break-all font-mono text-xs">{m.idempotencyKey}</span>
      </Row>
      {m.lastError && (
        <Row label="Last error">
          <span className="text-destructive">{m.lastError}</span>
        </Row>
      )}
    </dl>
  );
}
