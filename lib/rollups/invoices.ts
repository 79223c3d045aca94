import "server-only";
import { and, asc, eq, isNotNull, sql } from "drizzle-orm";
import type { Tx } from "@/db";
import { invoiceItems, rollupInvoiceDays, rollupServiceDays, type InvoiceStatus } from "@/db/schema";

/** What the rollups need to know about an invoice, before or after a change. */
export type InvoiceFacts = {
  id: number;
  status: InvoiceStatus;
  currency: string;
  issueDate: string;
  dueDate: string;
  totalMinor: number;
  amountPaidMinor: number;
};

/** Issued and not void: the statuses whose lines count as revenue per service. */
export const EARNING_STATUSES = ["sent", "partially_paid", "paid"] as const satisfies readonly InvoiceStatus[];
const earns = (facts: InvoiceFacts | null) => facts !== null && (EARNING_STATUSES as readonly string[]).includes(facts.status);

// Adds the incoming deltas to what is there (or starts the row with them).
const addInvoiceDeltas = {
  invoiceCount: sql.raw("invoice_count + values(invoice_count)"),
  totalMinor: sql.raw("total_minor + values(total_minor)"),
  paidMinor: sql.raw("paid_minor + values(paid_minor)"),
};
const addServiceDeltas = { lineCount: sql.raw("line_count + values(line_count)"), amountMinor: sql.raw("amount_minor + values(amount_minor)") };

type InvoiceDayDelta = typeof rollupInvoiceDays.$inferInsert & { invoiceCount: number; totalMinor: number; paidMinor: number };

/**
 * Moves an invoice's share of the dashboard rollups from its state before a
 * change to its state after it (null: created, or deleted). Every change to
 * an invoice's status, dates or amounts calls this inside its own
 * transaction, after locking the invoice row, so the rollups commit or roll
 * back with the change itself.
 *
 * Rows are written in key order, so two transactions touching the same
 * rollup rows lock them in the same order and can't deadlock on them.
 */
export async function applyInvoiceChange(tx: Tx, before: InvoiceFacts | null, after: InvoiceFacts | null): Promise<void> {
  const deltas = new Map<string, InvoiceDayDelta>();
  for (const [facts, sign] of [
    [before, -1],
    [after, 1],
  ] as const) {
    if (!facts) continue;
    const key = [facts.currency, facts.issueDate, facts.dueDate, facts.status].join("|");
    const row = deltas.get(key) ?? { currency: facts.currency, issueDate: facts.issueDate, dueDate: facts.dueDate, status: facts.status, invoiceCount: 0, totalMinor: 0, paidMinor: 0 };
    row.invoiceCount += sign;
    row.totalMinor += sign * facts.totalMinor;
    row.paidMinor += sign * facts.amountPaidMinor;
    deltas.set(key, row);
  }
  const rows = [...deltas.entries()]
    .filter(([, r]) => r.invoiceCount !== 0 || r.totalMinor !== 0 || r.paidMinor !== 0)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, r]) => r);
  if (rows.length > 0) await tx.insert(rollupInvoiceDays).values(rows).onDuplicateKeyUpdate({ set: addInvoiceDeltas });

  // Lines count per service from issue until void; an issued invoice's lines and dates are frozen.
  if (earns(before) !== earns(after)) await moveServiceLines(tx, earns(after) ? after! : before!, earns(after) ? 1 : -1);
}

async function moveServiceLines(tx: Tx, invoice: InvoiceFacts, sign: 1 | -1): Promise<void> {
  const lines = await tx
    .select({ serviceId: invoiceItems.serviceId, n: sql<number>`count(*)`, amount: sql<string>`sum(${invoiceItems.lineTotalMinor})` })
    .from(invoiceItems)
    .where(and(eq(invoiceItems.invoiceId, invoice.id), isNotNull(invoiceItems.serviceId)))
    .groupBy(invoiceItems.serviceId)
    .orderBy(asc(invoiceItems.serviceId));
  if (lines.length === 0) return;
  await tx
    .insert(rollupServiceDays)
    .values(
      lines.map((l) => ({
        currency: invoice.currency,
        issueDate: invoice.issueDate,
        serviceId: l.serviceId!,
        lineCount: sign * Number(l.n),
        amountMinor: sign * Number(l.amount),
      })),
    )
    .onDuplicateKeyUpdate({ set: addServiceDeltas });
}
