import { EmptyState } from "@/components/ui/empty-state";
import { Icon } from "@/components/ui/icon";
import type { AuditRow } from "@/db/queries/audit";
import { RelativeTime } from "@/components/time/viewer-time";
import { AuditChanges } from "./audit-changes";
import { actionLabel } from "./action-labels";
import { getAuditFormat } from "./audit-format";

/** A record's history (client, service), newest first. */
export async function AuditTimeline({ entries }: { entries: AuditRow[] }) {
  if (entries.length === 0) return <EmptyState icon={<Icon name="rotate-ccw-clock" />} title="No history yet" description="Changes to this record will be listed here." />;
  const format = await getAuditFormat();
  return (
    <ol className="grid gap-4">
      {entries.map((e) => (
        <li key={e.id} className="grid gap-1.5 border-l-2 pl-4">
          <p className="text-sm">
            <span className="font-medium">{actionLabel(e.action)}</span>
            <span className="text-muted-foreground"> by {e.actorName ?? (e.actorRole === "system" ? "the system" : "a removed user")}</span>
          </p>
          <p className="text-xs text-muted-foreground">
            <RelativeTime value={e.at} />
          </p>
          <AuditChanges before={e.before} after={e.after} format={format} />
        </li>
      ))}
    </ol>
  );
}
