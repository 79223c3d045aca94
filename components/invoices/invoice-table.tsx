"use client";

import { Icon } from "@/components/ui/icon";
import { IntentLink } from "@/components/ui/intent-link";
import { useState } from "react";
import { ConfirmAction } from "@/components/forms/confirm-action";
import { InvoiceStatusBadge } from "@/components/invoices/invoice-status-badge";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { bulkEmailInvoices } from "@/lib/actions/invoices/bulk-email-invoices";
import { bulkRemindInvoices } from "@/lib/actions/invoices/bulk-remind-invoices";
import { formatDate } from "@/lib/dates";
import { plural } from "@/lib/plural";
import { newIdempotencyKey } from "@/lib/idempotency-key";
import { displayStatus } from "@/lib/invoices/status";
import { balanceDue, formatMoney } from "@/lib/money";
import type { InvoiceStatus } from "@/db/schema";

export type InvoiceTableRow = {
  id: number;
  number: string | null;
  status: InvoiceStatus;
  issueDate: string;
  dueDate: string;
  currency: string;
  totalMinor: number;
  amountPaidMinor: number;
  clientId: number;
  clientName: string;
};

/** The list's rows with a selection for the bulk actions: email, remind, download a ZIP of PDFs. */
export function InvoiceTable({ area, rows, today, locale, filtered, canRemind }: { area: string; rows: InvoiceTableRow[]; today: string; locale: string; filtered: boolean; canRemind: boolean }) {
  const [{ selected, batchKey }, setSelection] = useState({ selected: new Set<number>(), batchKey: "initial" });
  // A new batch key each time the selection changes: a repeated click on one batch sends nothing twice.
  const setSelected = (update: (prev: Set<number>) => Set<number>) => setSelection((prev) => ({ selected: update(prev.selected), batchKey: newIdempotencyKey() }));
  if (rows.length === 0) {
    return filtered ? (
      <EmptyState icon={<Icon name="file-text" />} title="No invoices match" description="Try fewer filters, or a shorter search." />
    ) : (
      <EmptyState icon={<Icon name="file-text" />} title="No invoices yet" description="Create your first invoice, or run billing for your subscriptions." />
    );
  }
  const ids = [...selected];
  const allChecked = rows.every((r) => selected.has(r.id));
  const toggle = (id: number, on: boolean) =>
    setSelected((prev) => {
      const next = new Set(prev);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  return (
    <div className="grid gap-3">
      {/* The bulk actions appear once something is selected; until then the list starts right under the filters. */}
      <p className="sr-only" aria-live="polite">
        {ids.length ? `Selected: ${plural(ids.length, "invoice")}` : ""}
      </p>
      {ids.length > 0 && (
        <div role="region" aria-label="Bulk actions" className="flex min-h-10 flex-wrap items-center gap-2 rounded-md border border-primary/40 bg-primary/5 px-3 py-2 text-sm">
          <span className="mr-auto font-medium">{plural(ids.length, "invoice")} selected</span>
          <ConfirmAction
            action={bulkEmailInvoices}
            input={{ ids, batchKey }}
            trigger="Email"
            triggerSize="sm"
            triggerDisabled={!ids.length}
            title={`Email ${plural(ids.length, "invoice")}?`}
            description="Each issued invoice goes to its client's email address with the PDF attached and a private link. Drafts, void invoices and clients without an address are skipped."
            confirmLabel="Send emails"
            successMessage={(d) => `${plural(d?.queued ?? 0, "email")} queued${d?.skipped ? `, ${d.skipped} skipped` : ""}`}
          />
          {canRemind && (
            <ConfirmAction
              action={bulkRemindInvoices}
              input={{ ids }}
              trigger="Remind"
              triggerSize="sm"
              triggerDisabled={!ids.length}
              title={`Send payment reminders for ${plural(ids.length, "invoice")}?`}
              description="Clients with an open balance get an email (and an SMS if they opted in). Paid invoices and ones already reminded today are skipped."
              confirmLabel="Send reminders"
              successMessage={(d) => `${plural(d?.queued ?? 0, "reminder")} queued${d?.skipped ? `, ${d.skipped} skipped` : ""}`}
            />
          )}
          <Button variant="outline" size="sm" asChild>
            <a href={`/api/invoices/zip?ids=${ids.join(",")}`} download>
              <Icon name="download" aria-hidden="true" />
              Download PDFs
            </a>
          </Button>
          <Button variant="ghost" size="sm" onClick={() => setSelected(() => new Set())}>
            Clear selection
          </Button>
        </div>
      )}
      <Table aria-label="Invoices">
        <TableHeader>
          <TableRow>
            <TableHead className="w-10">
              <Checkbox
                aria-label="Select every invoice on this page"
                checked={allChecked ? true : selected.size ? "indeterminate" : false}
                onCheckedChange={(v) => setSelected(() => (v === true ? new Set(rows.map((r) => r.id)) : new Set()))}
              />
            </TableHead>
            <TableHead>Invoice</TableHead>
            <TableHead className="hidden md:table-cell">Client</TableHead>
            <TableHead className="hidden sm:table-cell">Issued</TableHead>
            <TableHead className="hidden lg:table-cell">Due</TableHead>
            <TableHead className="hidden sm:table-cell">Status</TableHead>
            <TableHead className="text-right">Total</TableHead>
            <TableHead className="hidden text-right sm:table-cell">Balance</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((inv) => {
            const label = inv.number ?? `Draft #${inv.id}`;
            return (
              <TableRow key={inv.id} data-state={selected.has(inv.id) ? "selected" : undefined}>
                <TableCell>
                  <Checkbox aria-label={`Select ${label}`} checked={selected.has(inv.id)} onCheckedChange={(v) => toggle(inv.id, v === true)} />
                </TableCell>
                <TableCell className="max-w-48">
                  <IntentLink href={`${area}/invoices/${inv.id}`} className="whitespace-nowrap font-medium text-primary underline-offset-4 hover:underline focus-visible:underline">
                    {label}
                  </IntentLink>
                  <div className="truncate text-xs text-muted-foreground md:hidden">{inv.clientName}</div>
                  {/* On phones the status column is hidden, so the badge sits here. */}
                  <div className="mt-1 sm:hidden">
                    <InvoiceStatusBadge status={displayStatus(inv.status, inv.dueDate, today)} />
                  </div>
                </TableCell>
                <TableCell className="hidden max-w-56 truncate md:table-cell">{inv.clientName}</TableCell>
                <TableCell className="hidden whitespace-nowrap sm:table-cell">{formatDate(inv.issueDate)}</TableCell>
                <TableCell className="hidden whitespace-nowrap lg:table-cell">{formatDate(inv.dueDate)}</TableCell>
                <TableCell className="hidden sm:table-cell">
                  <InvoiceStatusBadge status={displayStatus(inv.status, inv.dueDate, today)} />
                </TableCell>
                <TableCell className="whitespace-nowrap text-right tabular-nums">{formatMoney(inv.totalMinor, inv.currency, locale)}</TableCell>
                <TableCell className="hidden whitespace-nowrap text-right tabular-nums sm:table-cell">
                  {inv.status === "void" || inv.status === "draft" ? (
                    <span className="text-muted-foreground">—</span>
                  ) : (
                    formatMoney(balanceDue(inv.totalMinor, inv.amountPaidMinor), inv.currency, locale)
                  )}
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </div>
  );
}
