import { EmptyState } from "@/components/ui/empty-state";
import { Icon } from "@/components/ui/icon";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { Badge } from "@/components/ui/badge";
import type { OutboxMessageDetail } from "@/db/queries/outbox";
import { LocalTime } from "@/components/time/viewer-time";

const outcomeVariant = { sent: "success", captured: "outline", failed: "warning" } as const;

export function AttemptsTable({ attempts }: { attempts: OutboxMessageDetail["history"] }) {
  if (attempts.length === 0)
    return <EmptyState icon={<Icon name="send" />} title="No attempts yet" description="The outbox worker records each try to send this message here." className="py-6 sm:py-8" />;
  return (
    <Table aria-label="Delivery attempts">
      <TableHeader>
        <TableRow>
          <TableHead className="w-12">#</TableHead>
          <TableHead>Outcome</TableHead>
          <TableHead className="hidden sm:table-cell">When</TableHead>
          <TableHead className="hidden md:table-cell">Worker</TableHead>
          <TableHead className="text-right">Took</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {attempts.map((a) => (
          <TableRow key={a.id}>
            <TableCell className="align-top tabular-nums">{a.attempt}</TableCell>
            <TableCell className="align-top">
              <Badge variant={outcomeVariant[a.outcome]}>{a.outcome}</Badge>
              {a.error && <p className="mt-1 break-words text-xs text-destructive">{a.error}</p>}
              <LocalTime value={a.at} className="mt-1 block text-xs text-muted-foreground sm:hidden" />
            </TableCell>
            <TableCell className="hidden whitespace-nowrap align-top sm:table-cell">
              <LocalTime value={a.at} />
            </TableCell>
            <TableCell className="hidden break-all align-top font-mono text-xs md:table-cell">{a.workerId ?? "—"}</TableCell>
            <TableCell className="whitespace-nowrap text-right align-top tabular-nums">{a.durationMs} ms</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
