import { Icon } from "@/components/ui/icon";
import { IntentLink } from "@/components/ui/intent-link";
import { Badge, type BadgeProps } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { PREVIEW_LENGTH } from "@/db/queries/outbox";
import { RelativeTime } from "@/components/time/viewer-time";
import { PRUNED_TITLE } from "@/lib/notify/outbox-view";
import { dropCutPlaceholder, maskPlaceholders } from "@/lib/notify/placeholders";
import { templateLabel } from "@/lib/notify/template-labels";

export type MessageRow = {
  id: number;
  channel: "email" | "sms";
  toFirst: string;
  subject: string | null;
  text: string;
  template: string;
  status: "queued" | "sending" | "sent" | "captured" | "failed" | "dead";
  createdAt: Date;
};

const statusVariant: Record<MessageRow["status"], BadgeProps["variant"]> = {
  queued: "secondary",
  sending: "secondary",
  sent: "success",
  captured: "outline",
  failed: "warning",
  dead: "destructive",
};

const statusLabel: Record<MessageRow["status"], string> = { queued: "Queued", sending: "Sending", sent: "Sent", captured: "Captured", failed: "Retrying", dead: "Failed" };

/**
 * Emails and texts from the outbox about one record. Admins can open each
 * message in the outbox; staff see the summary. Codes and links are always
 * masked here, even in capture mode: only the outbox page shows them.
 */
export function MessageList({ messages, outboxHref, emptyText }: { messages: MessageRow[]; outboxHref?: (id: number) => string; emptyText: string }) {
  if (messages.length === 0) return <EmptyState icon={<Icon name="mail" />} title="No messages yet" description={emptyText} />;
  return (
    <ul className="divide-y">
      {messages.map((m) => {
        const title = maskPlaceholders(m.channel === "email" ? (m.subject ?? templateLabel(m.template)) : dropCutPlaceholder(m.text, PREVIEW_LENGTH) || PRUNED_TITLE, "••••••");
        return (
          <li key={m.id} className="flex gap-3 py-3">
            <Icon name={m.channel === "email" ? "mail" : "message-square"} className="mt-0.5 size-4 shrink-0 text-muted-foreground" aria-label={m.channel === "email" ? "Email" : "SMS"} />
            <div className="min-w-0 flex-1">
              <p className="line-clamp-2 text-sm font-medium">
                {outboxHref ? (
                  <IntentLink href={outboxHref(m.id)} className="underline-offset-4 hover:underline">
                    {title}
                  </IntentLink>
                ) : (
                  title
                )}
              </p>
              <p className="truncate text-xs text-muted-foreground">
                To {m.toFirst} · <RelativeTime value={m.createdAt} />
              </p>
            </div>
            <Badge variant={statusVariant[m.status]} className="self-start">
              {statusLabel[m.status]}
            </Badge>
          </li>
        );
      })}
    </ul>
  );
}
