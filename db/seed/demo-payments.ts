// Payment rows for the demo invoices. Only succeeded payments count towards
// amount_paid (rule 1); pending, failed and refunded ones are here so those
// screens have something to show.
import type { PaymentMethod, PaymentStatus } from "@/db/schema";
import { allocate, sumMinor } from "@/lib/money";
import { businessTime, type SeedContext, type SeededClient, type SeededUser } from "./context";

export type PaymentDraft = {
  amountMinor: number;
  method: PaymentMethod;
  status: PaymentStatus;
  reference: string | null;
  provider: string | null;
  providerRef: string | null;
  failureReason: string | null;
  receivedAt: Date | null;
  recordedBy: number | null;
  refundedAt: Date | null;
  refundedBy: number | null;
  createdAt: Date;
};

export type BackOffice = { admin: SeededUser; staff: SeededUser };

/** Who recorded a payment: nobody when a portal client paid by card themselves. */
function source(ctx: SeedContext, client: SeededClient, method: PaymentMethod, office: BackOffice) {
  const { rng } = ctx;
  if (method === "card" && client.user) {
    return { recordedBy: null, provider: "test", providerRef: `test_pi_${rng.hex(24)}`, reference: null };
  }
  const recordedBy = rng.chance(0.75) ? office.staff.id : office.admin.id;
  const reference =
    method === "card" ? `Card terminal auth ${rng.int(100_000, 999_999)}` : method === "bank_transfer" ? `ACH ${rng.int(10_000_000, 99_999_999)}` : `Cash receipt #${rng.int(1000, 4999)}`;
  return { recordedBy, provider: null, providerRef: null, reference };
}

export function succeeded(ctx: SeedContext, client: SeededClient, office: BackOffice, amountMinor: number, method: PaymentMethod, daysAgo: number): PaymentDraft {
  const at = businessTime(ctx, daysAgo);
  return {
    amountMinor,
    method,
    status: "succeeded",
    failureReason: null,
    receivedAt: at,
    refundedAt: null,
    refundedBy: null,
    createdAt: at,
    ...source(ctx, client, method, office),
  };
}

/**
 * Splits an amount into up to `parts` payments. All but the last are whole
 * dollars, the way people pay instalments; the last settles the cents.
 */
export function splitAmount(amountMinor: number, parts: number, ctx: SeedContext): number[] {
  const shares = allocate(
    amountMinor,
    Array.from({ length: parts }, () => ctx.rng.int(2, 6)),
  );
  const rounded = shares.slice(0, -1).map((s) => Math.floor(s / 100) * 100);
  const last = amountMinor - sumMinor(rounded);
  return rounded.some((s) => s <= 0) ? [amountMinor] : [...rounded, last];
}

/** `count` days (as days ago, oldest first) after the issue day, within `withinDays` of it and before today. */
export function paymentDays(ctx: SeedContext, issueDaysAgo: number, count: number, withinDays = 30): number[] {
  const from = issueDaysAgo - 1;
  if (from < 1) throw new RangeError("a paid invoice must be issued at least two days before the anchor");
  const to = Math.max(1, issueDaysAgo - withinDays);
  return Array.from({ length: count }, () => ctx.rng.int(to, from)).sort((a, b) => b - a);
}

export function randomMethod(ctx: SeedContext): PaymentMethod {
  return ctx.rng.weighted<PaymentMethod>([
    ["card", 5],
    ["bank_transfer", 4],
    ["cash", 2],
  ]);
}

/** A card payment the client made and later asked to have refunded (paid again by transfer). */
export function refunded(ctx: SeedContext, client: SeededClient, office: BackOffice, amountMinor: number, daysAgo: number, refundDaysAgo: number): PaymentDraft {
  return {
    ...succeeded(ctx, client, office, amountMinor, "card", daysAgo),
    status: "refunded",
    refundedAt: businessTime(ctx, refundDaysAgo),
    refundedBy: office.admin.id,
    failureReason: null,
    reference: "Refunded at the client's request: paid again from the company account",
  };
}

/** A card attempt the bank declined; it never touched the invoice. */
export function declined(ctx: SeedContext, client: SeededClient, office: BackOffice, amountMinor: number, daysAgo: number): PaymentDraft {
  return {
    ...succeeded(ctx, client, office, amountMinor, "card", daysAgo),
    status: "failed",
    receivedAt: null,
    failureReason: "Card declined: insufficient funds",
  };
}

/** A bank transfer the client says they sent; it counts only once staff confirm it. */
export function pendingTransfer(ctx: SeedContext, client: SeededClient, amountMinor: number, daysAgo: number): PaymentDraft {
  const at = businessTime(ctx, daysAgo);
  return {
    amountMinor,
    method: "bank_transfer",
    status: "pending",
    reference: `Transfer from ${client.company ?? client.name}`,
    provider: null,
    providerRef: null,
    failureReason: null,
    receivedAt: null,
    recordedBy: null,
    refundedAt: null,
    refundedBy: null,
    createdAt: at,
  };
}
