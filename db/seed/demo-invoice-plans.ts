// What each demo invoice is, before it gets ids and numbers: subscription
// renewals plus ad-hoc invoices dealt from status "slots", so every status
// (and derived overdue) exists whatever the anchor date.
import type { InvoiceStatus, PaymentMethod } from "@/db/schema";
import { formatDate } from "@/lib/dates";
import { invoiceTotals, roundDiv, type InvoiceTotals } from "@/lib/money";
import { businessTime, type SeedContext, type SeededClient, type SeededUser } from "./context";
import type { SeededService, SeededSubscription } from "./demo-catalog";
import { adHocLines, subscriptionLine, type LineDraft } from "./demo-lines";
import { declined, paymentDays, pendingTransfer, randomMethod, refunded, splitAmount, succeeded, type BackOffice, type PaymentDraft } from "./demo-payments";
import { DEMO_DUE_DAYS } from "./demo-people";
import { addDays, billingPeriod, daysBetween, isoDate } from "./dates";

export type InvoicePlan = {
  client: SeededClient;
  subscription: SeededSubscription | null;
  status: InvoiceStatus;
  issueDate: Date;
  dueDate: Date;
  period: { start: Date; end: Date } | null;
  lines: LineDraft[];
  totals: InvoiceTotals;
  notes: string | null;
  payments: PaymentDraft[];
  createdAt: Date;
  sentAt: Date | null;
  voidedAt: Date | null;
  voidReason: string | null;
  createdBy: number | null;
};

export type DemoOffice = BackOffice & { former: SeededUser };

const TARGET_INVOICES = 60;

type Kind = "draft" | "sent_current" | "partial_current" | "sent_overdue" | "partial_overdue" | "void" | "paid";

// Days-ago ranges keep each slot what it claims: a "current" invoice is due
// on or after today, an "overdue" one before it (due = issue + 14 days).
const SLOTS: { kind: Kind; count: number; days: [number, number] }[] = [
  { kind: "draft", count: 4, days: [1, 8] },
  { kind: "sent_current", count: 4, days: [3, 12] },
  { kind: "partial_current", count: 2, days: [3, 12] },
  { kind: "sent_overdue", count: 4, days: [16, 150] },
  { kind: "partial_overdue", count: 3, days: [16, 120] },
  { kind: "void", count: 3, days: [10, 330] },
];
const PAID_DAYS: [number, number] = [3, 364];

const VOID_REASONS = ["Issued to the wrong client", "Duplicate of a later invoice", "Scope changed; reissued with the new quote", "Project cancelled before work began"];
const NOTES = ["Thank you for your business!", "PO 4471", "Questions about this invoice? Just reply to the email.", "Includes the extra revision round we agreed on the phone."];

function basePlan(ctx: SeedContext, client: SeededClient, status: InvoiceStatus, issueDaysAgo: number, lines: LineDraft[], discountMinor: number, createdBy: number | null): InvoicePlan {
  const issued = status !== "draft";
  const stamp = businessTime(ctx, issueDaysAgo);
  return {
    client,
    subscription: null,
    status,
    issueDate: addDays(ctx.today, -issueDaysAgo),
    dueDate: addDays(ctx.today, DEMO_DUE_DAYS - issueDaysAgo),
    period: null,
    lines,
    totals: invoiceTotals(lines, discountMinor),
    notes: null,
    payments: [],
    // An issued invoice was drafted a little before it was sent.
    createdAt: issued ? new Date(stamp.getTime() - ctx.rng.int(5, 120) * 60_000) : stamp,
    sentAt: issued ? stamp : null,
    voidedAt: null,
    voidReason: null,
    createdBy,
  };
}

type PayOptions = { maxParts: number; method?: PaymentMethod; withinDays?: number };

/** Pays `amount` in up to maxParts instalments, all after the issue day and before today. */
function pay(ctx: SeedContext, plan: InvoicePlan, office: BackOffice, amountMinor: number, issueDaysAgo: number, options: PayOptions): void {
  const parts = splitAmount(amountMinor, ctx.rng.int(1, options.maxParts), ctx);
  const days = paymentDays(ctx, issueDaysAgo, parts.length, options.withinDays ?? 45);
  const first = options.method ?? randomMethod(ctx);
  parts.forEach((amount, i) => plan.payments.push(succeeded(ctx, plan.client, office, amount, i === 0 ? first : randomMethod(ctx), days[i]!)));
}

/**
 * The latest period of each subscription that started in the last year; two
 * for portal clients, so their portal shows some billing history. (All of
 * them would swamp the ~60 invoices and bunch them into recent months.)
 */
function renewalPlans(ctx: SeedContext, subscriptions: SeededSubscription[], office: DemoOffice): InvoicePlan[] {
  const out: InvoicePlan[] = [];
  for (const sub of subscriptions) {
    const periods: { start: Date; end: Date }[] = [];
    for (let k = 0; ; k++) {
      const period = billingPeriod(sub.startedAt, sub.interval, k);
      const daysAgo = daysBetween(period.start, ctx.today);
      if (daysBetween(period.start, sub.billedUntil) < 0 || daysAgo < 1) break;
      if (daysAgo <= 364) periods.push(period);
    }
    const recent = periods.slice(sub.client.user ? -2 : -1);
    recent.forEach((period, i) => {
      const d = daysBetween(period.start, ctx.today);
      const latest = i === recent.length - 1;
      const byCard = sub.paymentMethod === "card";
      // Card renewals are paid within days; an archived client left nothing open.
      const paid = byCard || sub.client.archivedAt ? d >= 2 : d >= 15 && !(latest && ctx.rng.chance(0.5));
      const line = subscriptionLine(sub.service.id, `${sub.service.name}, ${formatDate(isoDate(period.start))} – ${formatDate(isoDate(period.end))}`, sub.priceMinor);
      const plan = basePlan(ctx, sub.client, paid ? "paid" : "sent", d, [line], 0, null);
      plan.subscription = sub;
      plan.period = period;
      if (paid) pay(ctx, plan, office, plan.totals.totalMinor, d, { maxParts: byCard ? 1 : 2, method: sub.paymentMethod, withinDays: byCard ? 3 : 30 });
      out.push(plan);
    });
  }
  return out;
}

function creator(ctx: SeedContext, office: DemoOffice, daysAgo: number): number {
  // The former staff member worked here until about two months ago.
  const who =
    daysAgo > 90
      ? ctx.rng.weighted([
          [office.staff, 5],
          [office.admin, 2],
          [office.former, 2],
        ] as const)
      : ctx.rng.weighted([
          [office.staff, 3],
          [office.admin, 1],
        ] as const);
  return who.id;
}

function eligibleClient(ctx: SeedContext, clients: SeededClient[], issueDate: Date, settled: boolean): SeededClient {
  // Archived clients only have settled history from before they left.
  const candidates = clients.filter((c) => c.createdAt < issueDate && (!c.archivedAt || (settled && addDays(issueDate, 30) < c.archivedAt)));
  return candidates.length > 0 ? ctx.rng.pick(candidates) : clients[0]!;
}

function adHocPlan(ctx: SeedContext, kind: Kind, index: number, client: SeededClient, d: number, catalog: SeededService[], office: DemoOffice): InvoicePlan {
  const { rng } = ctx;
  const lines = adHocLines(ctx, catalog, addDays(ctx.today, -d));
  const subtotal = invoiceTotals(lines).subtotalMinor;
  const discounted = kind === "paid" ? index % 7 === 3 : index === 1 && kind !== "draft";
  const discountPct = discounted ? rng.pick([5, 10]) : 0;
  const discount = roundDiv(subtotal * discountPct, 100);
  const status: InvoiceStatus = kind === "sent_current" || kind === "sent_overdue" ? "sent" : kind === "partial_current" || kind === "partial_overdue" ? "partially_paid" : kind;
  const plan = basePlan(ctx, client, status, d, lines, discount, creator(ctx, office, d));
  plan.notes = discount > 0 ? `Includes a ${discountPct}% loyalty discount.` : rng.chance(0.3) ? rng.pick(NOTES) : null;
  const total = plan.totals.totalMinor;
  if (kind === "void") {
    plan.voidedAt = businessTime(ctx, rng.int(Math.max(1, d - 9), d - 1));
    plan.voidReason = rng.pick(VOID_REASONS);
  } else if (status === "partially_paid") {
    // Whole dollars, at least one and always short of the total.
    const paid = Math.min(total - 1, Math.max(100, Math.floor((total * rng.int(25, 70)) / 10_000) * 100));
    if (kind === "partial_overdue" && index === 0) plan.payments.push(declined(ctx, client, office, total, d - 1));
    pay(ctx, plan, office, paid, d, { maxParts: 2 });
  } else if (kind === "paid" && index === 1) {
    // Paid by card, refunded on request, then paid again by bank transfer (d ≥ 30).
    const cardDay = d - rng.int(1, 5);
    const refundDay = cardDay - rng.int(1, 4);
    plan.payments.push(refunded(ctx, client, office, total, cardDay, refundDay));
    plan.payments.push(succeeded(ctx, client, office, total, "bank_transfer", refundDay - rng.int(1, 4)));
  } else if (kind === "paid") {
    pay(ctx, plan, office, total, d, {
      maxParts: rng.weighted([
        [1, 6],
        [2, 3],
        [3, 1],
      ] as const),
    });
  }
  // The client says a transfer is on its way; it counts only once confirmed.
  if ((kind === "sent_current" || kind === "sent_overdue") && index === 0) plan.payments.push(pendingTransfer(ctx, client, total, rng.int(1, Math.min(6, d - 1))));
  return plan;
}

/**
 * Every demo invoice. The first slots of some kinds go to the portal clients,
 * so each demo login sees open, overdue and paid invoices of its own.
 */
export function planInvoices(ctx: SeedContext, clients: SeededClient[], catalog: SeededService[], subscriptions: SeededSubscription[], office: DemoOffice): InvoicePlan[] {
  const renewals = renewalPlans(ctx, subscriptions, office);
  const [casey, jordan, morgan] = clients.filter((c) => c.user);
  const forced: Partial<Record<Kind, (SeededClient | undefined)[]>> = {
    draft: [casey],
    sent_current: [casey],
    sent_overdue: [jordan],
    partial_overdue: [casey],
    paid: [casey, morgan],
  };
  const fixed = SLOTS.reduce((n, s) => n + s.count, 0);
  const slots = [...SLOTS, { kind: "paid" as const, count: Math.max(10, TARGET_INVOICES - renewals.length - fixed), days: PAID_DAYS }];
  const adHoc = slots.flatMap((slot) =>
    Array.from({ length: slot.count }, (_, index) => {
      const pinned = forced[slot.kind]?.[index];
      // Pinned paid slots sit well inside the year, leaving room for the refund story.
      // Paid invoices are spread evenly over the year, so monthly revenue charts have no gaps.
      const [from, to] = slot.days;
      const d = pinned && slot.kind === "paid" ? ctx.rng.int(30, 200) : slot.kind === "paid" ? from + Math.floor(((index + ctx.rng.next()) * (to - from)) / slot.count) : ctx.rng.int(from, to);
      const client = pinned ?? eligibleClient(ctx, clients, addDays(ctx.today, -d), slot.kind === "paid" || slot.kind === "void");
      return adHocPlan(ctx, slot.kind, index, client, d, catalog, office);
    }),
  );
  return [...renewals, ...adHoc];
}
