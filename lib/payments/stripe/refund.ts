import "server-only";
import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { payments } from "@/db/schema";
import { auditActor, type ActorOrSystem } from "@/lib/actor";
import { writeAudit } from "@/lib/audit";
import { DomainError, NotFoundError } from "@/lib/errors";
import { refundableMinor } from "@/lib/payments/refundable";
import { REFUND_CHANGED } from "@/lib/payments/settle";
import { stripeClient } from "./client";
import { STRIPE_PROVIDER } from "./checkout";

export type StripeRefundRequest = { paymentId: number; refundId: string; amountMinor: number };

/**
 * Asks Stripe to refund all or part of a card payment. Nothing changes here
 * yet: the charge.refunded webhook settles it (./settle-intent.ts), so the
 * books follow what Stripe did, once, however often it is reported. A
 * payment kept as "refund due" (it overshot the invoice) is refunded in full.
 */
export async function requestStripeRefund(
  db: DbOrTx,
  input: { paymentId: number; amountMinor?: number | null; actor: ActorOrSystem; reason?: string | null; expectedRefundableMinor?: number },
): Promise<StripeRefundRequest> {
  const [payment] = await db.select().from(payments).where(eq(payments.id, input.paymentId)).limit(1);
  if (!payment || payment.provider !== STRIPE_PROVIDER) throw new NotFoundError("That card payment");
  if (!payment.providerRef?.startsWith("pi_")) throw new DomainError("This card payment has not been confirmed by Stripe, so there is nothing to refund yet.");
  const refundable = refundableMinor(payment);
  if (refundable <= 0) throw new DomainError(`Nothing is left to refund on this payment; it is ${payment.status}.`);
  // After Stripe's webhook has settled a refund, the same request again would be a new refund: it is refused.
  // Two copies before the webhook share the idempotency key below, so Stripe refunds once.
  if (input.expectedRefundableMinor !== undefined && input.expectedRefundableMinor !== refundable) throw new DomainError(REFUND_CHANGED);
  const amountMinor = input.amountMinor ?? refundable;
  if (!Number.isSafeInteger(amountMinor) || amountMinor <= 0 || amountMinor > refundable) {
    throw new DomainError("Refund an amount above zero and no more than what is left on the payment.", { amount: ["More than is left to refund on this payment"] });
  }
  const stripe = await stripeClient();
  const refund = await stripe.refunds.create(
    { payment_intent: payment.providerRef, amount: amountMinor, metadata: { paymentId: String(payment.id) } },
    // The same request (this payment, this much refunded so far, this amount) refunds once.
    { idempotencyKey: `refund:${payment.id}:${payment.refundedMinor}:${amountMinor}` },
  );
  await writeAudit(db, {
    actor: auditActor(input.actor),
    action: "payment.refund_request",
    entityType: "payment",
    entityId: payment.id,
    after: { provider: STRIPE_PROVIDER, providerRef: payment.providerRef, refundId: refund.id, amountMinor, reason: input.reason || null },
    ip: input.actor.ip,
  });
  return { paymentId: payment.id, refundId: refund.id, amountMinor };
}
