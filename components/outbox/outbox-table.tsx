import { Inbox, Mail, MessageSquare } from "lucide-react";
import Link from "next/link";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { OutboxSummary } from "@/db/queries/outbox";
import { formatDateTime } from "@/lib/dates";
import { OutboxStatusBadge } from "./outbox-status-badge";

/** What a list line shows for a message: an email's subject, or the start of an SMS. */
export const messageTitle = (m: Pick<OutboxSummary, "channel" | "subject" | "text" | "template">) => (m.channel === "email" ? (m.subject ?? m.template) : m.text);

function Recipients({ to }: { to: string[] }) {
  return (
    <span className="truncate">
      {to[0]}
      {to.length > 1 && <span className="text-muted-foreground"> +{to.length - 1}</span>}
    </span>
  );
}

export function OutboxTable({ rows, filtered }: { rows: OutboxSummary[]; filtered: boolean }) {
  if (rows.length === 0) {
    return filtered ? (
      <EmptyState icon={<Inbox />} title="No messages match" description="Try another channel or status, or a wider date range." />
    ) : (
      <EmptyState icon={<Inbox />} title="No messages yet" description="Every email and SMS the app sends, or captures, will be listed here." />
    );
  }
  return (
    <Table>
      <TableHeader>
        <TableRow>
          <TableHead>Message</TableHead>
          <TableHead className="hidden md:table-cell">Recipient</TableHead>
          <TableHead>Status</TableHead>
          <TableHead className="hidden lg:table-cell">Template</TableHead>
          <TableHead className="hidden sm:table-cell">Queued</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((m) => {
          const Icon = m.channel === "email" ? Mail : MessageSquare;
          return (
            <TableRow key={m.id}>
              <TableCell className="max-w-0 sm:max-w-md">
                <div className="flex min-w-0 items-start gap-2">
                  <Icon className="mt-0.5 size-4 shrink-0 text-muted-foreground" aria-label={m.channel === "email" ? "Email" : "SMS"} role="img" />
                  <div className="min-w-0">
                    <Link href={`/admin/outbox/${m.id}`} className="line-clamp-2 break-words font-medium underline-offset-4 hover:underline focus-visible:underline">
                      {messageTitle(m)}
                    </Link>
                    {/* Columns hidden on small screens show here instead. */}
                    <div className="flex min-w-0 gap-1 text-xs text-muted-foreground md:hidden">
                      <Recipients to={m.to} />
                    </div>
                    <div className="text-xs text-muted-foreground sm:hidden">{formatDateTime(m.createdAt)}</div>
                  </div>
                </div>
              </TableCell>
              <TableCell className="hidden max-w-56 md:table-cell">
                <div className="flex min-w-0">
                  <Recipients to={m.to} />
                </div>
              </TableCell>
              <TableCell>
                <OutboxStatusBadge status={m.status} />
                {m.attempts > 1 && <div className="mt-1 text-xs text-muted-foreground">{m.attempts} attempts</div>}
              </TableCell>
              <TableCell className="hidden font-mono text-xs lg:table-cell">{m.template}</TableCell>
              <TableCell className="hidden whitespace-nowrap text-sm sm:table-cell">{formatDateTime(m.createdAt)}</TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
