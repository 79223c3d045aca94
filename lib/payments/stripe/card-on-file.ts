import "server-only";
import { and, eq, ne } from "drizzle-orm";
import type { Db } from "@/db";
import { subscriptions } from "@/db/schema";
import { auditActor, type ActorOrSystem } from "@/lib/actor";
import { writeAudit } from "@/lib/audit";
import { stripeConfigured } from "@/lib/env";
import { DomainError, NotFoundError } from "@/lib/errors";
import { inTransaction } from "@/lib/transaction";
import { stripeClient, stripeErrors } from "./client";

const brandNames: Record<string, string> = {
  visa: "Visa",
  mastercard: "Mastercard",
  amex: "American Express",
  discover: "Discover",
  jcb: "JCB",
  diners: "Diners Club",
  unionpay: "UnionPay",
  cartes_bancaires: "Cartes Bancaires",
};

/**
 * How a saved card reads to its owner ("Visa ending 4242"), asked of Stripe,
 * which alone holds the card. When Stripe can't be reached it still says
 * that a card is saved.
 */
export async function describeSavedCard(paymentMethodId: string): Promise<string> {
  try {
    const pm = await (await stripeClient()).paymentMethods.retrieve(paymentMethodId);
    if (pm.card) return `${brandNames[pm.card.brand] ?? "Card"} ending ${pm.card.last4}`;
  } catch (error) {
    console.error(`stripe: could not read saved card ${paymentMethodId}`, error);
  }
  return "A card saved with Stripe";
}

/**
 * The client removes the card saved on one of its own subscriptions: it is
 * detached from its Stripe customer (so it can never be charged again) unless
 * another of the client's subscriptions still uses it, then forgotten here.
 * Billing then emails the invoice to pay, as for any subscription without a card.
 */
export async function removeSavedCard(db: Db, input: { clientId: number; subscriptionId: number; actor: ActorOrSystem }): Promise<{ detached: boolean }> {
  const [sub] = await db
    .select({ id: subscriptions.id, card: subscriptions.stripePaymentMethodId })
    .from(subscriptions)
    .where(and(eq(subscriptions.id, input.subscriptionId), eq(subscriptions.clientId, input.clientId)))
    .limit(1);
  if (!sub) throw new NotFoundError("That subscription");
  if (!sub.card) throw new DomainError("No card is saved on this subscription.");
  const card = sub.card;
  const [sharedWith] = await db
    .select({ id: subscriptions.id })
    .from(subscriptions)
    .where(and(eq(subscriptions.stripePaymentMethodId, card), ne(subscriptions.id, sub.id)))
    .limit(1);
  let detached = false;
  if (!sharedWith) {
    if (!stripeConfigured()) throw new DomainError("Card payments are not available right now, so the card can't be removed. Try again later.");
    try {
      await (await stripeClient()).paymentMethods.detach(card);
      detached = true;
    } catch (error) {
      // Already detached (or deleted) at Stripe: nothing left to charge, so forget it here too.
      const gone = error instanceof (await stripeErrors()).StripeInvalidRequestError && (error.code === "resource_missing" || /not attached/i.test(error.message));
      if (!gone) {
        console.error(`stripe: could not detach saved card ${card}`, error);
        throw new DomainError("The card couldn't be removed just now, and it is still saved. Try again in a moment.");
      }
    }
  }
  await inTransaction(db, async (tx) => {
    await tx
      .update(subscriptions)
      .set({ stripePaymentMethodId: null })
      .where(and(eq(subscriptions.id, sub.id), eq(subscriptions.stripePaymentMethodId, card)));
    await writeAudit(tx, {
      actor: auditActor(input.actor),
      action: "subscription.card_removed",
      entityType: "subscription",
      entityId: sub.id,
      before: { savedCard: true },
      after: { savedCard: false, detached },
      ip: input.actor.ip,
    });
  });
  return { detached };
}
