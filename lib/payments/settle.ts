import "server-only";
import { and, eq } from "drizzle-orm";
import type { DbOrTx, Tx } from "@/db";
import { readSettings } from "@/db/queries/settings";
import { payments } from "@/db/schema";
import { writeAudit } from "@/lib/audit";
import { DomainError, NotFoundError } from "@/lib/errors";
import { auditActor, type ActorOrSystem } from "@/lib/actor";
import { lockInvoice, type LockedInvoice } from "@/lib/invoices/lock";
import { inTransaction } from "@/lib/transaction";
import { applyPaidDelta } from "./apply";
import { queueReceipts } from "./receipts";
import { paymentRefusal, type PaymentResult } from "./record";
import { refundableMinor } from "./refundable";

type PaymentRow = typeof payments.$inferSelect;

/**
 * Locks a payment's invoice, then the payment itself, always in that order
 * (the same order recordPayment takes), so these never deadlock each other.
 */
export async function lockPayment(tx: Tx, paymentId: number, clientScope?: number): Promise<{ invoice: LockedInvoice; payment: PaymentRow }> {
  const [ref] = await tx.select({ invoiceId: payments.invoiceId }).from(payments).where(eq(payments.id, paymentId)).limit(1);
  if (!ref) throw new NotFoundError("That payment");
  const invoice = await lockInvoice(tx, ref.invoiceId, clientScope);
  const [payment] = await tx
    .select()
    .from(payments)
    .where(and(eq(payments.id, paymentId), eq(payments.invoiceId, invoice.id)))
    .limit(1)
    .for("update");
  if (!payment) throw new NotFoundError("That payment");
  return { invoice, payment };
}

/** A refund asked for on what was left to refund before: sent twice, or someone else refunded in between. */
export const REFUND_CHANGED =
  "Nothing was refunded: this payment changed since the refund was opened (it may have just been refunded). Check what is left to refund now, then try again if you still need to.";

function result(payment: PaymentRow, invoice: LockedInvoice, status: PaymentRow["status"]): PaymentResult {
  return { paymentId: payment.id, invoiceId: invoice.id, status, amountMinor: payment.amountMinor, amountPaidMinor: invoice.amountPaidMinor, invoiceStatus: invoice.status, replayed: false };
}

/** Confirms a pending bank transfer or cash payment once the money is in. It must still fit the balance. */
export async function confirmPayment(db: DbOrTx, input: { paymentId: number; actor: ActorOrSystem; receivedAt?: Date | null; reference?: string | null }): Promise<PaymentResult> {
  return inTransaction(db, async (tx) => {
    const { invoice, payment } = await lockPayment(tx, input.paymentId);
    if (payment.status !== "pending") throw new DomainError(`This payment is ${payment.status}, not pending, so there is nothing to confirm.`);
    const refusal = paymentRefusal(invoice, payment.amountMinor, (await readSettings(tx)).locale);
    if (refusal) throw new DomainError(`${refusal.message} Reject this pending payment instead.`);
    const now = new Date();
    const receivedAt = input.receivedAt ?? payment.receivedAt ?? now;
    const reference = input.reference || payment.reference;
    await tx.update(payments).set({ status: "succeeded", receivedAt, reference }).where(eq(payments.id, payment.id));
    const after = await applyPaidDelta(tx, invoice, payment.amountMinor, now);
    await writeAudit(tx, {
      actor: auditActor(input.actor),
      action: "payment.confirm",
      entityType: "payment",
      entityId: payment.id,
      before: { status: "pending" },
      after: { invoiceId: invoice.id, status: "succeeded", amountMinor: payment.amountMinor, amountPaidMinor: after.amountPaidMinor, invoiceStatus: after.status },
      ip: input.actor.ip,
    });
    await queueReceipts(tx, after, { id: payment.id, amountMinor: payment.amountMinor, method: payment.method, reference, receivedAt });
    return result(payment, after, "succeeded");
  });
}

/** Marks a pending payment that never arrived as failed. The invoice doesn't change. */
export async function rejectPayment(db: DbOrTx, input: { paymentId: number; reason: string; actor: ActorOrSystem }): Promise<PaymentResult> {
  return inTransaction(db, async (tx) => {
    const { invoice, payment } = await lockPayment(tx, input.paymentId);
    if (payment.status !== "pending") throw new DomainError(`This payment is ${payment.status}, not pending, so it can't be rejected.`);
    await tx.update(payments).set({ status: "failed", failureReason: input.reason }).where(eq(payments.id, payment.id));
    await writeAudit(tx, {
      actor: auditActor(input.actor),
      action: "payment.reject",
      entityType: "payment",
      entityId: payment.id,
      before: { status: "pending" },
      after: { invoiceId: invoice.id, status: "failed", reason: input.reason },
      ip: input.actor.ip,
    });
    return result(payment, invoice, "failed");
  });
}

/**
 * Refunds all or part of a succeeded payment (the rest not yet refunded when
 * no amount is given): amount_paid goes down by it, and the payment is
 * "refunded" once nothing is left on it. A Stripe payment is refunded in
 * Stripe instead, and its webhook settles it (./stripe/refund.ts).
 */
export async function refundPayment(
  db: DbOrTx,
  input: { paymentId: number; actor: ActorOrSystem; reason?: string | null; amountMinor?: number | null; expectedRefundableMinor?: number },
): Promise<PaymentResult> {
  return inTransaction(db, async (tx) => {
    const { invoice, payment } = await lockPayment(tx, input.paymentId);
    if (payment.status !== "succeeded") throw new DomainError(`Only a succeeded payment can be refunded; this one is ${payment.status}.`);
    const refundable = refundableMinor(payment);
    // Checked under the payment's lock, so two copies of one request can't both pass it.
    if (input.expectedRefundableMinor !== undefined && input.expectedRefundableMinor !== refundable) throw new DomainError(REFUND_CHANGED);
    const amount = input.amountMinor ?? refundable;
    if (!Number.isSafeInteger(amount) || amount <= 0 || amount > refundable) {
      throw new DomainError("Refund an amount above zero and no more than what is left on the payment.", { amount: ["More than is left to refund on this payment"] });
    }
    const refundedMinor = payment.refundedMinor + amount;
    const status = refundedMinor === payment.amountMinor ? "refunded" : "succeeded";
    const now = new Date();
    await tx.update(payments).set({ status, refundedMinor, refundedAt: now, refundedBy: input.actor.id }).where(eq(payments.id, payment.id));
    const after = await applyPaidDelta(tx, invoice, -amount, now);
    await writeAudit(tx, {
      actor: auditActor(input.actor),
      action: "payment.refund",
      entityType: "payment",
      entityId: payment.id,
      before: { status: "succeeded", refundedMinor: payment.refundedMinor, amountPaidMinor: invoice.amountPaidMinor, invoiceStatus: invoice.status },
      after: {
        invoiceId: invoice.id,
        status,
        amountMinor: payment.amountMinor,
        refundMinor: amount,
        refundedMinor,
        amountPaidMinor: after.amountPaidMinor,
        invoiceStatus: after.status,
        reason: input.reason || null,
      },
      ip: input.actor.ip,
    });
    return result(payment, after, status);
  });
}
