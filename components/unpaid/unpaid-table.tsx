"use client";

import { IntentLink } from "@/components/ui/intent-link";
import { useState } from "react";
import { RemindAllButton } from "@/components/reminders/remind-all-button";
import { RemindButton } from "@/components/reminders/remind-button";
import { Badge } from "@/components/ui/badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { BalanceText } from "@/components/clients/balance-text";
import type { UnpaidRow } from "@/db/queries/unpaid";
import { RelativeTime } from "@/components/time/viewer-time";
import { formatDate } from "@/lib/dates";
import { plural } from "@/lib/plural";

/**
 * Unpaid clients with a checkbox each, for reminding one or many at once; a
 * selection holds this page's clients, and "Remind all" reaches every client
 * on the tab (`remindAll.count` of them), on every page.
 */
export function UnpaidTable({ area, rows, locale, remindAll }: { area: string; rows: UnpaidRow[]; locale: string; remindAll: { count: number; overdueOnly: boolean } }) {
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const allSelected = rows.length > 0 && rows.every((r) => selected.has(r.id));
  const toggle = (id: number) =>
    setSelected((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const chosen = rows.filter((r) => selected.has(r.id));
  const smsCount = chosen.filter((r) => r.smsOptIn && r.phone).length;

  return (
    <div className="grid gap-3">
      <div className="flex flex-wrap items-center justify-between gap-3 rounded-md border bg-muted/40 px-3 py-2">
        <p className="text-sm" role="status">
          {chosen.length === 0 ? "Select clients to remind several at once." : `${chosen.length} selected`}
        </p>
        <div className="flex flex-wrap gap-2">
          <RemindButton
            clientIds={chosen.map((r) => r.id)}
            disabled={chosen.length === 0}
            label={chosen.length ? `Remind ${chosen.length} selected` : "Remind selected"}
            title={`Send reminders to ${plural(chosen.length, "client")}?`}
            smsCount={smsCount}
            size="sm"
          />
          <RemindAllButton count={remindAll.count} overdueOnly={remindAll.overdueOnly} />
        </div>
      </div>
      <Table aria-label="Unpaid invoices">
        <TableHeader>
          <TableRow>
            <TableHead className="w-10">
              <input
                type="checkbox"
                aria-label="Select every client on this page"
                checked={allSelected}
                onChange={() => setSelected(allSelected ? new Set() : new Set(rows.map((r) => r.id)))}
                className="size-4 accent-primary"
              />
            </TableHead>
            <TableHead>Client</TableHead>
            <TableHead className="text-right">Balance</TableHead>
            <TableHead className="hidden sm:table-cell">Oldest due</TableHead>
            <TableHead className="hidden md:table-cell">Overdue</TableHead>
            <TableHead className="hidden lg:table-cell">Last reminder</TableHead>
            <TableHead className="hidden text-right sm:table-cell">
              <span className="sr-only">Actions</span>
            </TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((r) => (
            <TableRow key={r.id} data-state={selected.has(r.id) ? "selected" : undefined}>
              <TableCell>
                <input type="checkbox" aria-label={`Select ${r.name}`} checked={selected.has(r.id)} onChange={() => toggle(r.id)} className="size-4 accent-primary" />
              </TableCell>
              <TableCell className="max-w-56">
                <IntentLink href={`${area}/clients/${r.id}`} className="font-medium underline-offset-4 hover:underline">
                  {r.name}
                </IntentLink>
                <div className="flex flex-wrap gap-1.5 text-xs text-muted-foreground">
                  {r.company && <span className="truncate">{r.company}</span>}
                  <span>{plural(r.openInvoices, "open invoice")}</span>
                  {r.smsOptIn && r.phone && <Badge variant="secondary">SMS</Badge>}
                  {!r.email && !(r.smsOptIn && r.phone) && <Badge variant="warning">No email or SMS</Badge>}
                  {r.archivedAt && <Badge variant="muted">Archived</Badge>}
                </div>
                {/* The columns hidden on small screens, folded in here. */}
                <div className="text-xs text-muted-foreground sm:hidden">
                  Due {formatDate(r.oldestDue)}
                  {r.daysOverdue > 0 && ` · ${plural(r.daysOverdue, "day")} overdue`}
                </div>
                <div className="mt-2 sm:hidden">
                  <RemindButton clientIds={[r.id]} label="Remind" size="sm" title={`Send ${r.name} a payment reminder?`} smsCount={r.smsOptIn && r.phone ? 1 : 0} />
                </div>
              </TableCell>
              <TableCell className="text-right tabular-nums">
                <BalanceText balances={r.balances} locale={locale} />
              </TableCell>
              <TableCell className="hidden whitespace-nowrap sm:table-cell">{formatDate(r.oldestDue)}</TableCell>
              <TableCell className="hidden whitespace-nowrap md:table-cell">
                {r.daysOverdue > 0 ? <Badge variant="destructive">{plural(r.daysOverdue, "day")}</Badge> : <span className="text-muted-foreground">Not yet due</span>}
              </TableCell>
              <TableCell className="hidden whitespace-nowrap text-sm lg:table-cell">
                {r.lastReminderAt ? <RelativeTime value={r.lastReminderAt} /> : <span className="text-muted-foreground">Never</span>}
              </TableCell>
              <TableCell className="hidden text-right sm:table-cell">
                <RemindButton clientIds={[r.id]} label="Remind" size="sm" title={`Send ${r.name} a payment reminder?`} smsCount={r.smsOptIn && r.phone ? 1 : 0} />
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
