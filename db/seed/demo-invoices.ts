import { invoiceCounters, invoiceItems, invoices, payments, type InvoiceStatus } from "@/db/schema";
import { sumMinor } from "@/lib/money";
import { type SeedContext, type SeededClient, withServerStep } from "./context";
import { isoDate } from "./dates";
import type { InvoicePlan } from "./demo-invoice-plans";
import type { PaymentDraft } from "./demo-payments";
import { DEMO_PREFIX } from "./demo-people";

export type SeededPayment = PaymentDraft & { id: number };

export type SeededInvoice = {
  id: number;
  number: string | null;
  status: InvoiceStatus;
  client: SeededClient;
  subscriptionId: number | null;
  issueDate: string;
  dueDate: string;
  totalMinor: number;
  amountPaidMinor: number;
  version: number;
  createdBy: number | null;
  sentAt: Date | null;
  voidedAt: Date | null;
  payments: SeededPayment[];
};

export type InsertedInvoices = { invoices: SeededInvoice[]; itemCount: number; paymentCount: number; counterCount: number };

function latest(dates: (Date | null)[]): Date | null {
  let out: Date | null = null;
  for (const d of dates) if (d && (!out || d > out)) out = d;
  return out;
}

/**
 * Writes the planned invoices in issue order, numbering the issued ones
 * INV-<year>-<seq> per year as the app would, and leaves invoice_counters at
 * the last number used so the next real invoice continues the sequence.
 */
export async function insertInvoices(ctx: SeedContext, plans: InvoicePlan[]): Promise<InsertedInvoices> {
  const ordered = [...plans].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  const lastSeq = new Map<number, number>();
  const rows = ordered.map((plan) => {
    let number: string | null = null;
    if (plan.status !== "draft") {
      const year = plan.issueDate.getUTCFullYear();
      const seq = (lastSeq.get(year) ?? 0) + 1;
      lastSeq.set(year, seq);
      number = `${DEMO_PREFIX}-${year}-${String(seq).padStart(4, "0")}`;
    }
    const counted = plan.payments.filter((p) => p.status === "succeeded");
    const refunds = plan.payments.filter((p) => p.status === "refunded");
    const amountPaidMinor = sumMinor(counted.map((p) => p.amountMinor));
    // Every change bumps the version: issuing, each payment or refund, voiding.
    const version = 1 + (number ? 1 : 0) + counted.length + refunds.length * 2 + (plan.voidedAt ? 1 : 0);
    const paidAt = plan.status === "paid" ? latest(counted.map((p) => p.receivedAt)) : null;
    return {
      number,
      clientId: plan.client.id,
      subscriptionId: plan.subscription?.id ?? null,
      status: plan.status,
      issueDate: isoDate(plan.issueDate),
      dueDate: isoDate(plan.dueDate),
      currency: "USD",
      subtotalMinor: plan.totals.subtotalMinor,
      taxMinor: plan.totals.taxMinor,
      discountMinor: plan.totals.discountMinor,
      totalMinor: plan.totals.totalMinor,
      amountPaidMinor,
      notes: plan.notes,
      periodStart: plan.period ? isoDate(plan.period.start) : null,
      periodEnd: plan.period ? isoDate(plan.period.end) : null,
      voidReason: plan.voidReason,
      sentAt: plan.sentAt,
      paidAt,
      voidedAt: plan.voidedAt,
      createdBy: plan.createdBy,
      version,
      createdAt: plan.createdAt,
      updatedAt: latest([plan.createdAt, plan.sentAt, plan.voidedAt, ...counted.map((p) => p.receivedAt), ...refunds.map((p) => p.refundedAt)])!,
    };
  });
  const ids = await withServerStep(ctx, await ctx.tx.insert(invoices).values(rows).$returningId());

  const items = ordered.flatMap((plan, i) =>
    plan.lines.map((line, position) => ({
      invoiceId: ids[i]!.id,
      serviceId: line.serviceId,
      position: position + 1,
      description: line.description,
      quantityMilli: line.quantityMilli,
      unitPriceMinor: line.unitPriceMinor,
      taxRateBp: line.taxRateBp,
      lineTotalMinor: plan.totals.lines[position]!.lineTotalMinor,
      taxMinor: plan.totals.lines[position]!.taxMinor,
    })),
  );
  await ctx.tx.insert(invoiceItems).values(items);

  // Payments get ids in the order they happened, like a real ledger.
  const paymentRefs = ordered.flatMap((plan, i) => plan.payments.map((payment) => ({ payment, index: i }))).sort((a, b) => a.payment.createdAt.getTime() - b.payment.createdAt.getTime());
  const paymentIds = await withServerStep(
    ctx,
    await ctx.tx
      .insert(payments)
      .values(
        paymentRefs.map(({ payment, index }, n) => ({
          ...payment,
          invoiceId: ids[index]!.id,
          clientId: ordered[index]!.client.id,
          currency: "USD",
          idempotencyKey: `seed-payment-${n + 1}`,
          updatedAt: latest([payment.createdAt, payment.receivedAt, payment.refundedAt])!,
        })),
      )
      .$returningId(),
  );

  const seeded: SeededInvoice[] = ordered.map((plan, i) => ({
    id: ids[i]!.id,
    number: rows[i]!.number,
    status: plan.status,
    client: plan.client,
    subscriptionId: plan.subscription?.id ?? null,
    issueDate: rows[i]!.issueDate,
    dueDate: rows[i]!.dueDate,
    totalMinor: rows[i]!.totalMinor,
    amountPaidMinor: rows[i]!.amountPaidMinor,
    version: rows[i]!.version,
    createdBy: plan.createdBy,
    sentAt: plan.sentAt,
    voidedAt: plan.voidedAt,
    payments: [],
  }));
  paymentRefs.forEach(({ payment, index }, n) => seeded[index]!.payments.push({ ...payment, id: paymentIds[n]!.id }));

  const counters = [...lastSeq].map(([year, seq]) => ({ prefix: DEMO_PREFIX, year, lastSeq: seq }));
  if (counters.length > 0) await ctx.tx.insert(invoiceCounters).values(counters);
  return { invoices: seeded, itemCount: items.length, paymentCount: paymentRefs.length, counterCount: counters.length };
}
