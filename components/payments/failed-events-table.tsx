import { Badge } from "@/components/ui/badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { RelativeTime } from "@/components/time/viewer-time";
import type { FailedStripeEventRow } from "@/db/queries/card-payments";
import { plural } from "@/lib/plural";
import { RetryEventButton } from "./retry-event-button";

/** Stripe webhook events that could not be applied, with their error and a retry each. */
export function FailedEventsTable({ rows }: { rows: FailedStripeEventRow[] }) {
  return (
    <Table aria-label="Failed Stripe webhook events">
      <TableHeader>
        <TableRow>
          <TableHead>Event</TableHead>
          <TableHead className="hidden md:table-cell">Error</TableHead>
          <TableHead className="hidden sm:table-cell">Last tried</TableHead>
          <TableHead className="text-right">
            <span className="sr-only">Actions</span>
          </TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((r) => (
          <TableRow key={r.id}>
            <TableCell className="max-w-72 align-top">
              <div className="flex flex-wrap items-center gap-2">
                <span className="font-medium">{r.type}</span>
                <Badge variant="outline">{plural(r.attempts, "attempt")}</Badge>
              </div>
              <div className="break-all font-mono text-xs text-muted-foreground">{r.eventId}</div>
              <p className="mt-1 break-words text-xs text-destructive md:hidden">{r.lastError ?? "No error was kept."}</p>
              <div className="text-xs text-muted-foreground sm:hidden">
                Last tried <RelativeTime value={r.updatedAt} />
              </div>
            </TableCell>
            <TableCell className="hidden max-w-96 break-words align-top text-sm text-destructive md:table-cell">{r.lastError ?? "No error was kept."}</TableCell>
            <TableCell className="hidden whitespace-nowrap align-top text-sm sm:table-cell">
              <RelativeTime value={r.updatedAt} />
            </TableCell>
            <TableCell className="text-right align-top">
              <RetryEventButton id={r.id} type={r.type} />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
