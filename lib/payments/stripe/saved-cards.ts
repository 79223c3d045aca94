import "server-only";
import { and, eq } from "drizzle-orm";
import type Stripe from "stripe";
import type { Db, DbOrTx } from "@/db";
import { clients, invoices, payments, subscriptions } from "@/db/schema";
import type { ActorOrSystem } from "@/lib/actor";
import { env } from "@/lib/env";
import { queueInvoiceEmail } from "@/lib/invoices/email";
import { lockInvoice } from "@/lib/invoices/lock";
import { balanceDue } from "@/lib/money";
import { recordPayment } from "@/lib/payments";
import { inTransaction } from "@/lib/transaction";
import { stripeClient, stripeErrors } from "./client";
import { STRIPE_PROVIDER } from "./checkout";
import { settleIntentFailed } from "./settle-intent";

const SYSTEM: ActorOrSystem = { id: null, role: "system" };

/**
 * Saves a card on file for a subscription: a Stripe customer for it, then
 * Checkout in setup mode (a SetupIntent for off-session use). The card is
 * stored, by Stripe only, when the checkout.session.completed webhook says
 * the setup succeeded (settleSetupCompleted).
 */
export async function startCardSetup(db: Db, input: { subscriptionId: number; clientId: number; returnPath: string }): Promise<string> {
  const [row] = await db
    .select({ customerId: subscriptions.stripeCustomerId, email: clients.email, name: clients.name })
    .from(subscriptions)
    .innerJoin(clients, eq(clients.id, subscriptions.clientId))
    .where(and(eq(subscriptions.id, input.subscriptionId), eq(subscriptions.clientId, input.clientId)))
    .limit(1);
  if (!row) throw new Error(`No subscription ${input.subscriptionId} for client ${input.clientId}`);
  const stripe = await stripeClient();
  let customerId = row.customerId;
  if (!customerId) {
    const customer = await stripe.customers.create(
      { email: row.email ?? undefined, name: row.name, metadata: { clientId: String(input.clientId) } },
      { idempotencyKey: `customer:subscription:${input.subscriptionId}` },
    );
    customerId = customer.id;
    await db.update(subscriptions).set({ stripeCustomerId: customerId }).where(eq(subscriptions.id, input.subscriptionId));
  }
  const metadata = { subscriptionId: String(input.subscriptionId) };
  const back = `${env().APP_URL}${input.returnPath}`;
  const session = await stripe.checkout.sessions.create(
    { mode: "setup", customer: customerId, metadata, setup_intent_data: { metadata }, success_url: `${back}&card=saved`, cancel_url: back },
    { idempotencyKey: `setup:${input.subscriptionId}` },
  );
  if (!session.url) throw new Error(`Stripe returned setup session ${session.id} without a URL`);
  return session.url;
}

/** A setup-mode checkout completed: the subscription keeps the saved card (a payment method id) for billing. */
export async function settleSetupCompleted(db: DbOrTx, session: Stripe.Checkout.Session): Promise<"recorded" | "ignored"> {
  const raw = session.metadata?.subscriptionId;
  const setupId = typeof session.setup_intent === "string" ? session.setup_intent : session.setup_intent?.id;
  if (!raw || !/^\d{1,15}$/.test(raw) || !setupId) return "ignored";
  const setup = await (await stripeClient()).setupIntents.retrieve(setupId);
  const paymentMethod = typeof setup.payment_method === "string" ? setup.payment_method : setup.payment_method?.id;
  if (setup.status !== "succeeded" || !paymentMethod) return "ignored";
  const customer = typeof session.customer === "string" ? session.customer : (session.customer?.id ?? null);
  await db
    .update(subscriptions)
    .set({ stripePaymentMethodId: paymentMethod, ...(customer ? { stripeCustomerId: customer } : {}) })
    .where(eq(subscriptions.id, Number(raw)));
  return "recorded";
}

/**
 * Charges the saved card of an invoice's subscription, off-session, for the
 * balance. The payment is recorded as pending first (one per invoice, by its
 * idempotency key); the payment_intent.succeeded webhook records the money.
 * A declined charge leaves the invoice open and emails the client the
 * invoice with its pay link.
 */
export async function chargeSavedCard(db: Db, invoiceId: number): Promise<"charged" | "declined" | "none"> {
  const [row] = await db
    .select({
      id: invoices.id,
      status: invoices.status,
      total: invoices.totalMinor,
      paid: invoices.amountPaidMinor,
      currency: invoices.currency,
      customer: subscriptions.stripeCustomerId,
      card: subscriptions.stripePaymentMethodId,
      email: clients.email,
    })
    .from(invoices)
    .innerJoin(subscriptions, eq(subscriptions.id, invoices.subscriptionId))
    .innerJoin(clients, eq(clients.id, invoices.clientId))
    .where(eq(invoices.id, invoiceId))
    .limit(1);
  if (!row?.card || !row.customer || (row.status !== "sent" && row.status !== "partially_paid")) return "none";
  const amountMinor = balanceDue(row.total, row.paid);
  const pending = await recordPayment(db, { invoiceId, amountMinor, method: "card", status: "pending", idempotencyKey: `offsession:${invoiceId}`, actor: SYSTEM, provider: STRIPE_PROVIDER });
  if (pending.replayed) return "none";
  const metadata = { paymentId: String(pending.paymentId), invoiceId: String(invoiceId) };
  try {
    const stripe = await stripeClient();
    const intent = await stripe.paymentIntents.create(
      { amount: amountMinor, currency: row.currency.toLowerCase(), customer: row.customer, payment_method: row.card, off_session: true, confirm: true, metadata },
      { idempotencyKey: `offsession:${pending.paymentId}` },
    );
    await db
      .update(payments)
      .set({ providerRef: intent.id })
      .where(and(eq(payments.id, pending.paymentId), eq(payments.status, "pending")));
    return "charged";
  } catch (error) {
    if (!(error instanceof (await stripeErrors()).StripeCardError)) throw error;
    const reason = error.message || "The card was declined.";
    await settleIntentFailed(db, { intentId: null, paymentId: pending.paymentId, reason });
    if (row.email) {
      const email = row.email;
      await inTransaction(db, async (tx) =>
        queueInvoiceEmail(tx, await lockInvoice(tx, invoiceId), {
          to: [email],
          message: `We couldn't charge your saved card (${reason}), so this invoice is still open. Pay it with the link below.`,
          idempotencyKey: `offsession-declined:${pending.paymentId}`,
          actor: SYSTEM,
        }),
      );
    }
    return "declined";
  }
}

/** After a billing run: charge the saved cards of the invoices it issued; one failure doesn't stop the others. */
export async function chargeSavedCards(db: Db, invoiceIds: number[]): Promise<void> {
  for (const id of invoiceIds) {
    await chargeSavedCard(db, id).catch((error: unknown) => console.error(`billing: charging the saved card for invoice ${id} failed`, error));
  }
}
