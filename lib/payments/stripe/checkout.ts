import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db";
import { payments } from "@/db/schema";
import type { ActorOrSystem } from "@/lib/actor";
import { env } from "@/lib/env";
import { DomainError } from "@/lib/errors";
import { recordPayment, rejectPayment } from "@/lib/payments";
import { stripeClient } from "./client";

export const STRIPE_PROVIDER = "stripe";

export type CheckoutStart = { paymentId: number; url: string; replayed: boolean };

/**
 * Starts a Stripe Checkout for all or part of an invoice. The payment is
 * recorded as pending first (ownership, the balance, the minimum and the
 * idempotency key are checked there, as for every payment), then the hosted
 * page is opened for exactly that amount. Money is recorded only when the
 * signed webhook says the payment intent succeeded (./events.ts).
 */
export async function startStripeCheckout(
  db: Db,
  input: {
    clientId: number;
    invoiceId: number;
    invoiceNumber: string | null;
    currency: string;
    amountMinor: number;
    idempotencyKey: string;
    email: string | null;
    actor: ActorOrSystem;
    /** Where Stripe sends the payer back (a path on APP_URL); the portal's invoice page unless the payer came by a signed link. */
    returnPath?: string;
  },
): Promise<CheckoutStart> {
  const pending = await recordPayment(db, {
    invoiceId: input.invoiceId,
    amountMinor: input.amountMinor,
    method: "card",
    status: "pending",
    idempotencyKey: `portal:${input.idempotencyKey}`,
    actor: input.actor,
    clientScope: input.clientId,
    provider: STRIPE_PROVIDER,
  });
  const stripe = await stripeClient();
  if (pending.replayed) {
    // A repeated submit: the same checkout, if it is still open.
    const [row] = await db.select({ providerRef: payments.providerRef }).from(payments).where(eq(payments.id, pending.paymentId)).limit(1);
    if (pending.status === "pending" && row?.providerRef?.startsWith("cs_")) {
      const session = await stripe.checkout.sessions.retrieve(row.providerRef);
      if (session.status === "open" && session.url) return { paymentId: pending.paymentId, url: session.url, replayed: true };
    }
    throw new DomainError("This payment was already started. Reload the page to see where it stands.");
  }
  const back = `${env().APP_URL}${input.returnPath ?? `/portal/invoices/${input.invoiceId}`}`;
  const metadata = { paymentId: String(pending.paymentId), invoiceId: String(input.invoiceId) };
  try {
    const session = await stripe.checkout.sessions.create(
      {
        mode: "payment",
        line_items: [
          { quantity: 1, price_data: { currency: input.currency.toLowerCase(), unit_amount: input.amountMinor, product_data: { name: `Invoice ${input.invoiceNumber ?? input.invoiceId}` } } },
        ],
        metadata,
        payment_intent_data: { metadata },
        client_reference_id: String(pending.paymentId),
        ...(input.email ? { customer_email: input.email } : {}),
        success_url: `${back}?checkout=returned`,
        cancel_url: `${back}?checkout=cancelled`,
      },
      { idempotencyKey: `checkout:${pending.paymentId}` },
    );
    if (!session.url) throw new Error(`Stripe returned checkout session ${session.id} without a URL`);
    // Until the webhook names the payment intent, the payment points at its checkout session.
    await db
      .update(payments)
      .set({ providerRef: session.id })
      .where(and(eq(payments.id, pending.paymentId), eq(payments.status, "pending")));
    return { paymentId: pending.paymentId, url: session.url, replayed: false };
  } catch (error) {
    console.error("stripe checkout: could not start", error);
    await rejectPayment(db, { paymentId: pending.paymentId, reason: "The card checkout could not be started.", actor: input.actor });
    throw new DomainError("The card payment page could not be opened, and nothing was charged. Try again in a moment.");
  }
}
