import "server-only";
import type Stripe from "stripe";
import type { DbOrTx } from "@/db";
import { settleSetupCompleted } from "./saved-cards";
import { settleIntentFailed, settleIntentRefunded, settleIntentSucceeded, type SettleOutcome } from "./settle-intent";

const CARD_REFERENCE = "Card via Stripe";

/** Our payment id, from the metadata our checkout put on the session and its intent; null for anything else. */
function paymentIdOf(metadata: Stripe.Metadata | null | undefined): number | null {
  const raw = metadata?.paymentId;
  return raw && /^\d{1,15}$/.test(raw) ? Number(raw) : null;
}

const idOf = (value: string | { id: string } | null | undefined): string | null => (typeof value === "string" ? value : (value?.id ?? null));

/**
 * Applies one verified Stripe event. Each handler is idempotent on its own
 * (by payment intent and by the payment's state), so a redelivered, retried
 * or out-of-order event never records anything twice.
 */
export async function applyStripeEvent(db: DbOrTx, event: Stripe.Event): Promise<SettleOutcome> {
  switch (event.type) {
    case "payment_intent.succeeded": {
      const intent = event.data.object;
      return settleIntentSucceeded(db, {
        intentId: intent.id,
        paymentId: paymentIdOf(intent.metadata),
        amountMinor: intent.amount_received || intent.amount,
        currency: intent.currency,
        reference: CARD_REFERENCE,
      });
    }
    case "checkout.session.completed":
    case "checkout.session.async_payment_succeeded": {
      const session = event.data.object;
      if (session.mode === "setup") return settleSetupCompleted(db, session);
      const intentId = idOf(session.payment_intent);
      if (session.mode !== "payment" || session.payment_status !== "paid" || !intentId) return "ignored";
      return settleIntentSucceeded(db, { intentId, paymentId: paymentIdOf(session.metadata), amountMinor: session.amount_total ?? 0, currency: session.currency ?? "", reference: CARD_REFERENCE });
    }
    case "payment_intent.payment_failed": {
      const intent = event.data.object;
      return settleIntentFailed(db, { intentId: intent.id, paymentId: paymentIdOf(intent.metadata), reason: intent.last_payment_error?.message ?? "The card was declined." });
    }
    case "checkout.session.expired":
    case "checkout.session.async_payment_failed": {
      const session = event.data.object;
      const reason = event.type === "checkout.session.expired" ? "The checkout page expired before the payment was made." : "The payment did not go through.";
      return settleIntentFailed(db, { intentId: idOf(session.payment_intent), paymentId: paymentIdOf(session.metadata), reason });
    }
    case "charge.refunded": {
      const charge = event.data.object;
      const intentId = idOf(charge.payment_intent);
      if (!intentId) return "ignored";
      return settleIntentRefunded(db, { intentId, refundedMinor: charge.amount_refunded });
    }
    default:
      return "ignored";
  }
}
