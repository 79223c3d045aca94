import { Icon } from "@/components/ui/icon";
import { IntentLink } from "@/components/ui/intent-link";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { PREVIEW_LENGTH, type OutboxListRow } from "@/db/queries/outbox";
import type { OutboxAbout } from "@/db/queries/outbox-about";
import { templateLabel } from "@/lib/notify/template-labels";
import { RelativeTime } from "@/components/time/viewer-time";
import { viewTitle } from "@/lib/notify/outbox-view";
import { OutboxStatusBadge } from "./outbox-status-badge";
import { PhoneNumber } from "@/components/phone/phone-number";

/** The first recipient (an SMS's number formatted for people) and how many more. */
function Recipients({ to, channel, region }: { to: string[]; channel: string; region: string }) {
  if (!to[0]) return null;
  const first = channel === "sms" ? <PhoneNumber value={to[0]} region={region} /> : to[0];
  return (
    <>
      {first}
      {to.length > 1 && ` +${to.length - 1}`}
    </>
  );
}

/** One page of the outbox: each message with its template and what it is about, named (the invoice's number, the client). */
/** `region` is the business's country, for showing phone numbers (regionFromLocale(settings.locale)). */
export function OutboxTable({ rows, about, filtered, region }: { rows: OutboxListRow[]; about: Map<number, OutboxAbout>; filtered: boolean; region: string }) {
  if (rows.length === 0) {
    return filtered ? (
      <EmptyState icon={<Icon name="inbox" />} title="No messages match" description="Try another channel or status, or a wider date range." />
    ) : (
      <EmptyState icon={<Icon name="inbox" />} title="No messages yet" description="Every email and SMS the app sends, or captures, will be listed here." />
    );
  }
  return (
    <Table aria-label="Messages">
      <TableHeader>
        <TableRow>
          <TableHead>Message</TableHead>
          <TableHead className="hidden md:table-cell">Recipient</TableHead>
          <TableHead>Status</TableHead>
          <TableHead className="hidden lg:table-cell">Queued</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((m) => {
          return (
            <TableRow key={m.id}>
              <TableCell className="w-full">
                <div className="flex items-start gap-2">
                  <Icon
                    name={m.channel === "email" ? "mail" : "message-square"}
                    className="mt-0.5 size-4 shrink-0 text-muted-foreground"
                    aria-label={m.channel === "email" ? "Email" : "SMS"}
                    role="img"
                  />
                  {/* overflow-wrap:anywhere lets long URLs and addresses wrap, so the column can shrink on a phone. */}
                  <div className="min-w-0 [overflow-wrap:anywhere]">
                    {/* py-0.5: a 24 px tall target, apart from the next row's (WCAG 2.5.8, target size). */}
                    <IntentLink href={`/admin/outbox/${m.id}`} className="line-clamp-2 py-0.5 font-medium underline-offset-4 hover:underline focus-visible:underline">
                      {/* An email's subject or the start of an SMS; codes and links show only when captured. */}
                      {viewTitle(m, PREVIEW_LENGTH)}
                    </IntentLink>
                    <div className="text-xs text-muted-foreground md:hidden">
                      <Recipients to={m.to} channel={m.channel} region={region} />
                    </div>
                    <div className="text-xs text-muted-foreground">
                      <span>{templateLabel(m.template)}</span>
                      <AboutLine about={about.get(m.id)} />
                      <span className="lg:hidden">
                        {" "}
                        · <RelativeTime value={m.createdAt} />
                      </span>
                    </div>
                  </div>
                </div>
              </TableCell>
              <TableCell className="hidden max-w-64 truncate md:table-cell">
                <Recipients to={m.to} channel={m.channel} region={region} />
              </TableCell>
              <TableCell className="whitespace-nowrap">
                <OutboxStatusBadge status={m.status} />
                {m.attempts > 1 && <div className="mt-1 text-xs text-muted-foreground">{m.attempts} attempts</div>}
              </TableCell>
              <TableCell className="hidden whitespace-nowrap text-sm lg:table-cell">
                <RelativeTime value={m.createdAt} />
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}

/** " · Invoice INV-2026-0064 · Ada Lovelace", each linked to its page. */
function AboutLine({ about }: { about: OutboxAbout | undefined }) {
  if (!about) return null;
  const parts = [about.record, about.client && { label: about.client.name, href: about.client.href }].filter((p): p is { label: string; href: string | null } => Boolean(p));
  // A client's own record line names the client once.
  const unique = parts.filter((p, i) => parts.findIndex((q) => q.label === p.label) === i);
  return (
    <>
      {unique.map((p) => (
        <span key={p.label}>
          {" · "}
          {p.href ? (
            <IntentLink href={p.href} className="underline-offset-4 hover:underline">
              {p.label}
            </IntentLink>
          ) : (
            p.label
          )}
        </span>
      ))}
    </>
  );
}
