import "server-only";
import { and, eq } from "drizzle-orm";
import type { DbOrTx, Tx } from "@/db";
import { payments } from "@/db/schema";
import { readSettings } from "@/db/queries/settings";
import { SYSTEM_ACTOR, writeAudit } from "@/lib/audit";
import { balanceDue } from "@/lib/money";
import { inTransaction } from "@/lib/transaction";
import { applyPaidDelta } from "../apply";
import { queueReceipts } from "../receipts";
import { paymentRefusal } from "../record";
import { lockPayment } from "../settle";
import { notifyRefundDue } from "./refund-due";
import { STRIPE_PROVIDER } from "./checkout";

export type IntentFacts = { intentId: string; paymentId: number | null; amountMinor: number; currency: string; reference: string };

export type SettleOutcome = "recorded" | "duplicate" | "refund_due" | "ignored" | "failed";

/** The payment a Stripe payment intent belongs to: by the intent once known, else by the id our checkout put in its metadata. */
async function findPaymentId(db: DbOrTx, intentId: string, paymentId: number | null): Promise<number | null> {
  const [byIntent] = await db
    .select({ id: payments.id })
    .from(payments)
    .where(and(eq(payments.provider, STRIPE_PROVIDER), eq(payments.providerRef, intentId)))
    .limit(1);
  if (byIntent) return byIntent.id;
  if (!paymentId) return null;
  const [byId] = await db
    .select({ id: payments.id })
    .from(payments)
    .where(and(eq(payments.id, paymentId), eq(payments.provider, STRIPE_PROVIDER)))
    .limit(1);
  return byId?.id ?? null;
}

/**
 * A payment intent succeeded: record the money on its payment, once. Under
 * the invoice lock, like every payment: if the invoice can no longer take
 * it (another payment filled the balance meanwhile), the payment is kept as
 * failed with refund_due set and staff are told, and the invoice is untouched.
 */
export async function settleIntentSucceeded(db: DbOrTx, facts: IntentFacts): Promise<SettleOutcome> {
  const paymentId = await findPaymentId(db, facts.intentId, facts.paymentId);
  if (paymentId === null) return "ignored";
  return inTransaction(db, async (tx) => {
    const { invoice, payment } = await lockPayment(tx, paymentId);
    if (payment.providerRef === facts.intentId && (payment.status === "succeeded" || payment.status === "refunded" || payment.refundDue)) return "duplicate";
    if (payment.status === "succeeded" || payment.status === "refunded") {
      // Another intent already paid this payment: this money has nowhere to go.
      throw new Error(`Payment ${payment.id} is already ${payment.status} through ${payment.providerRef}; intent ${facts.intentId} needs a look`);
    }
    if (facts.amountMinor !== payment.amountMinor || facts.currency.toUpperCase() !== payment.currency) {
      throw new Error(`Intent ${facts.intentId} took ${facts.amountMinor} ${facts.currency}, but payment ${payment.id} is for ${payment.amountMinor} ${payment.currency}`);
    }
    const now = new Date();
    const { locale } = await readSettings(tx);
    const refusal = paymentRefusal(invoice, payment.amountMinor, locale);
    if (refusal) {
      await markRefundDue(tx, payment, facts, refusal.message, now);
      return "refund_due";
    }
    await tx.update(payments).set({ status: "succeeded", providerRef: facts.intentId, receivedAt: now, reference: facts.reference, failureReason: null }).where(eq(payments.id, payment.id));
    const after = await applyPaidDelta(tx, invoice, payment.amountMinor, now);
    await writeAudit(tx, {
      actor: SYSTEM_ACTOR,
      action: "payment.record",
      entityType: "payment",
      entityId: payment.id,
      before: { status: payment.status },
      after: {
        invoiceId: invoice.id,
        status: "succeeded",
        provider: STRIPE_PROVIDER,
        providerRef: facts.intentId,
        amountMinor: payment.amountMinor,
        amountPaidMinor: after.amountPaidMinor,
        invoiceStatus: after.status,
      },
    });
    await queueReceipts(tx, after, { id: payment.id, amountMinor: payment.amountMinor, method: "card", reference: facts.reference, receivedAt: now });
    return "recorded";
  });
}

async function markRefundDue(tx: Tx, payment: typeof payments.$inferSelect, facts: IntentFacts, why: string, now: Date): Promise<void> {
  const reason = `Not applied to the invoice: ${why} This card payment will be refunded.`.slice(0, 300);
  await tx
    .update(payments)
    .set({ status: "failed", providerRef: facts.intentId, refundDue: true, receivedAt: now, reference: facts.reference, failureReason: reason })
    .where(eq(payments.id, payment.id));
  await writeAudit(tx, {
    actor: SYSTEM_ACTOR,
    action: "payment.refund_due",
    entityType: "payment",
    entityId: payment.id,
    before: { status: payment.status },
    after: { invoiceId: payment.invoiceId, status: "failed", refundDue: true, providerRef: facts.intentId, amountMinor: payment.amountMinor, reason },
  });
  await notifyRefundDue(tx, { paymentId: payment.id, invoiceId: payment.invoiceId, amountMinor: payment.amountMinor, currency: payment.currency, providerRef: facts.intentId, reason });
}

/**
 * A payment intent failed (a declined card, an expired checkout). A pending
 * payment is marked failed and the invoice is untouched; a late failure after
 * the success changes nothing. Failure is not final: Checkout lets the client
 * try another card on the same intent, and its success still records.
 */
export async function settleIntentFailed(db: DbOrTx, facts: { intentId: string | null; paymentId: number | null; reason: string }): Promise<SettleOutcome> {
  const paymentId = facts.intentId ? await findPaymentId(db, facts.intentId, facts.paymentId) : facts.paymentId;
  if (paymentId === null) return "ignored";
  return inTransaction(db, async (tx) => {
    const { payment } = await lockPayment(tx, paymentId);
    if (payment.provider !== STRIPE_PROVIDER) return "ignored";
    if (payment.status !== "pending") return "duplicate";
    const reason = `Card declined: ${facts.reason}`.slice(0, 300);
    await tx.update(payments).set({ status: "failed", failureReason: reason }).where(eq(payments.id, payment.id));
    await writeAudit(tx, {
      actor: SYSTEM_ACTOR,
      action: "payment.reject",
      entityType: "payment",
      entityId: payment.id,
      before: { status: "pending" },
      after: { invoiceId: payment.invoiceId, status: "failed", reason },
    });
    return "failed";
  });
}

/**
 * Stripe says how much of an intent is refunded in all (a charge's
 * amount_refunded). The payment follows that total, never down: a repeated
 * or older event moves nothing, and amount_paid goes down by the difference.
 */
export async function settleIntentRefunded(db: DbOrTx, facts: { intentId: string; refundedMinor: number }): Promise<SettleOutcome> {
  const paymentId = await findPaymentId(db, facts.intentId, null);
  if (paymentId === null) return "ignored";
  return inTransaction(db, async (tx) => {
    const { invoice, payment } = await lockPayment(tx, paymentId);
    const total = Math.min(facts.refundedMinor, payment.amountMinor);
    const delta = total - payment.refundedMinor;
    if (delta <= 0) return "duplicate";
    const now = new Date();
    if (payment.refundDue) {
      // Money the invoice never took goes back: the invoice doesn't move.
      await tx
        .update(payments)
        .set({ refundedMinor: total, refundDue: total < payment.amountMinor, refundedAt: now })
        .where(eq(payments.id, payment.id));
      await writeAudit(tx, {
        actor: SYSTEM_ACTOR,
        action: "payment.refund",
        entityType: "payment",
        entityId: payment.id,
        before: { refundedMinor: payment.refundedMinor, refundDue: true },
        after: { refundedMinor: total, refundDue: total < payment.amountMinor },
      });
      return "recorded";
    }
    if (payment.status !== "succeeded" && payment.status !== "refunded") return "ignored";
    const status = total === payment.amountMinor ? "refunded" : "succeeded";
    await tx.update(payments).set({ refundedMinor: total, status, refundedAt: now }).where(eq(payments.id, payment.id));
    const after = await applyPaidDelta(tx, invoice, -delta, now);
    await writeAudit(tx, {
      actor: SYSTEM_ACTOR,
      action: "payment.refund",
      entityType: "payment",
      entityId: payment.id,
      before: { status: payment.status, refundedMinor: payment.refundedMinor, amountPaidMinor: invoice.amountPaidMinor },
      after: {
        invoiceId: invoice.id,
        status,
        refundedMinor: total,
        amountPaidMinor: after.amountPaidMinor,
        invoiceStatus: after.status,
        balanceMinor: balanceDue(after.totalMinor, after.amountPaidMinor),
      },
    });
    return "recorded";
  });
}
