import "server-only";
import type { CardProvider } from "../providers/types";
import { env } from "@/lib/env";
import { stripeClient } from "./client";
import { STRIPE_PROVIDER } from "./checkout";

/**
 * Stripe behind the card adapter. The card is taken on Stripe's hosted
 * Checkout page (./checkout.ts) and the money recorded from the signed
 * webhook (./webhook.ts), so prepare() and charge() are not used. refund()
 * asks Stripe to give money back; the charge.refunded webhook settles it.
 */
export function stripeProvider(): CardProvider {
  const testKey = env().STRIPE_SECRET_KEY?.startsWith("sk_test_") ?? false;
  return {
    id: STRIPE_PROVIDER,
    label: testKey ? "Stripe (test mode)" : "Stripe",
    testMode: testKey,
    hosted: true,
    testCards: [],
    async prepare() {
      throw new Error("Stripe takes cards on its Checkout page: use startStripeCheckout");
    },
    async charge() {
      throw new Error("Stripe takes cards on its Checkout page: use startStripeCheckout");
    },
    async refund({ providerRef, amountMinor, idempotencyKey }) {
      if (!providerRef.startsWith("pi_")) throw new Error(`Payment reference ${providerRef} is not a Stripe payment intent`);
      await (await stripeClient()).refunds.create({ payment_intent: providerRef, ...(amountMinor ? { amount: amountMinor } : {}) }, idempotencyKey ? { idempotencyKey } : undefined);
    },
  };
}
