import { Icon } from "@/components/ui/icon";
import { IntentLink } from "@/components/ui/intent-link";
import { PageHeader } from "@/components/shell/page-header";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { listAudit, listAuditActors, type AuditRow } from "@/db/queries/audit";
import type { AuditParams } from "@/lib/validation/audit";
import { RelativeTime } from "@/components/time/viewer-time";
import { getViewerTimeZone } from "@/lib/viewer-time-zone";
import { actionLabel } from "./action-labels";
import { AuditChanges } from "./audit-changes";
import { AuditFilters } from "./audit-filters";
import { getAuditFormat } from "./audit-format";

/** The audit log at /admin/audit. Callers check "audit:read". */
export async function AuditIndex({ params }: { params: AuditParams }) {
  const [{ rows, nextBefore }, actors, format] = await Promise.all([listAudit({ ...params, timeZone: await getViewerTimeZone() }), listAuditActors(), getAuditFormat()]);
  const olderHref = nextBefore ? `/admin/audit?${query({ ...params, before: nextBefore })}` : null;
  return (
    <>
      <PageHeader title="Audit log" description="Who did what to which record, with the values before and after. Entries are never changed or removed." />
      <Card>
        <CardContent className="grid gap-6 pt-4 sm:pt-6">
          <AuditFilters params={params} actors={actors} />
          {rows.length === 0 ? (
            <EmptyState icon={<Icon name="clipboard-list" />} title="No entries match" description="Widen the dates or clear a filter." />
          ) : (
            <Table aria-label="Audit log">
              <TableHeader>
                <TableRow>
                  <TableHead className="hidden sm:table-cell">When</TableHead>
                  <TableHead className="hidden sm:table-cell">Who</TableHead>
                  <TableHead>What</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {rows.map((r) => (
                  <TableRow key={r.id} className="align-top">
                    <TableCell className="hidden whitespace-nowrap align-top text-xs sm:table-cell">
                      <RelativeTime value={r.at} />
                    </TableCell>
                    <TableCell className="hidden align-top sm:table-cell">
                      <p className="text-sm font-medium">{r.actorName ?? (r.actorRole === "system" ? "System" : "Removed user")}</p>
                      <Badge variant="outline" className="mt-1 capitalize">
                        {r.actorRole}
                      </Badge>
                    </TableCell>
                    <TableCell className="align-top">
                      <p className="text-sm font-medium">{actionLabel(r.action)}</p>
                      {/* When and who fold in here on small screens. */}
                      <p className="text-xs text-muted-foreground sm:hidden">
                        <RelativeTime value={r.at} /> · {r.actorName ?? (r.actorRole === "system" ? "System" : "Removed user")} ({r.actorRole})
                      </p>
                      <p className="text-xs text-muted-foreground">
                        <RecordLink row={r} />
                        {r.ip && ` · ${r.ip}`}
                      </p>
                      {/* The values before and after fold under a line naming the fields. */}
                      <AuditChanges before={r.before} after={r.after} format={format} />
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
          {(params.before || olderHref) && (
            <nav aria-label="Pages" className="flex justify-between gap-2">
              {params.before ? (
                <Button variant="outline" size="sm" asChild>
                  <IntentLink href={`/admin/audit?${query({ ...params, before: undefined })}`}>Newest</IntentLink>
                </Button>
              ) : (
                <span />
              )}
              {olderHref && (
                <Button variant="outline" size="sm" asChild>
                  <IntentLink href={olderHref} rel="next">
                    Older entries
                  </IntentLink>
                </Button>
              )}
            </nav>
          )}
        </CardContent>
      </Card>
    </>
  );
}

const recordHref: Record<string, (id: number) => string> = {
  client: (id) => `/admin/clients/${id}`,
  service: (id) => `/admin/services/${id}`,
  invoice: (id) => `/admin/invoices/${id}`,
  staff_invite: () => "/admin/invites",
  user: () => "/admin/staff",
};

function RecordLink({ row }: { row: AuditRow }) {
  const kind = row.entityType.replace(/_/g, " ");
  const label = `${kind.charAt(0).toUpperCase()}${kind.slice(1)}${row.entityId ? ` #${row.entityId}` : ""}`;
  const href = row.entityId && row.action !== "client.delete" && row.action !== "service.delete" ? recordHref[row.entityType]?.(row.entityId) : undefined;
  return href ? (
    <IntentLink href={href} className="underline-offset-4 hover:underline">
      {label}
    </IntentLink>
  ) : (
    <>{label}</>
  );
}

function query(p: AuditParams): string {
  const s = new URLSearchParams();
  if (p.actor) s.set("actor", String(p.actor));
  if (p.action) s.set("action", p.action);
  if (p.entityType) s.set("entity", p.entityType);
  if (p.entityId) s.set("entityId", String(p.entityId));
  if (p.from) s.set("from", p.from);
  if (p.to) s.set("to", p.to);
  if (p.before) s.set("before", String(p.before));
  return s.toString();
}
