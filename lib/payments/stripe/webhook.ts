import "server-only";
import { eq, sql } from "drizzle-orm";
import type Stripe from "stripe";
import type { Db } from "@/db";
import { stripeEvents } from "@/db/schema";
import { env } from "@/lib/env";
import { kickOutbox } from "@/lib/notify/kick";
import { isDuplicateKey } from "@/lib/transaction";
import { stripeClient } from "./client";
import { applyStripeEvent } from "./events";
import { redactLinkTokens } from "./redact";

export type WebhookAnswer = { status: 200 | 400 | 404 | 500; body: { received?: boolean; duplicate?: boolean; outcome?: string; error?: string } };

/**
 * One webhook delivery: the signature is checked against the raw body with
 * the SDK before anything is read or written (a bad one is 400 and writes
 * nothing). Each event id is stored once; a delivery of an event already
 * processed answers 200 and does nothing. A failure is stored with its error
 * for the back office to retry, and answered 500 so Stripe retries too.
 */
export async function receiveStripeWebhook(db: Db, rawBody: string, signature: string | null): Promise<WebhookAnswer> {
  const secret = env().STRIPE_WEBHOOK_SECRET;
  if (!env().STRIPE_SECRET_KEY || !secret) return { status: 404, body: { error: "Stripe is not configured." } };
  let event: Stripe.Event;
  try {
    event = (await stripeClient()).webhooks.constructEvent(rawBody, signature ?? "", secret);
  } catch {
    return { status: 400, body: { error: "The signature does not match." } };
  }
  try {
    await db.insert(stripeEvents).values({ eventId: event.id, type: event.type, status: "processing", payload: redactLinkTokens(rawBody) });
  } catch (error) {
    if (!isDuplicateKey(error, "stripe_events_event_uq")) throw error;
    const [row] = await db.select({ status: stripeEvents.status }).from(stripeEvents).where(eq(stripeEvents.eventId, event.id)).limit(1);
    if (row?.status === "processed") return { status: 200, body: { received: true, duplicate: true } };
    // Failed before, or a delivery that died half-way: apply it again (every step is idempotent).
    await db
      .update(stripeEvents)
      .set({ attempts: sql`${stripeEvents.attempts} + 1`, status: "processing" })
      .where(eq(stripeEvents.eventId, event.id));
  }
  return processStoredEvent(db, event);
}

/** Applies a verified, stored event and records how it went. */
export async function processStoredEvent(db: Db, event: Stripe.Event): Promise<WebhookAnswer> {
  try {
    const outcome = await applyStripeEvent(db, event);
    await db.update(stripeEvents).set({ status: "processed", lastError: null, processedAt: new Date() }).where(eq(stripeEvents.eventId, event.id));
    kickOutbox();
    return { status: 200, body: { received: true, outcome } };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    console.error(`stripe webhook ${event.id} (${event.type}) failed:`, error);
    await db
      .update(stripeEvents)
      .set({ status: "failed", lastError: message.slice(0, 500) })
      .where(eq(stripeEvents.eventId, event.id));
    return { status: 500, body: { error: "The event could not be applied; it is kept for a retry." } };
  }
}

/** Retries a stored event that failed (from the back office). Its payload was verified when it arrived. */
export async function retryStripeEvent(db: Db, eventRowId: number): Promise<WebhookAnswer> {
  const [row] = await db.select().from(stripeEvents).where(eq(stripeEvents.id, eventRowId)).limit(1);
  if (!row) return { status: 404, body: { error: "No such event." } };
  if (row.status === "processed") return { status: 200, body: { received: true, duplicate: true } };
  await db
    .update(stripeEvents)
    .set({ attempts: sql`${stripeEvents.attempts} + 1`, status: "processing" })
    .where(eq(stripeEvents.id, row.id));
  return processStoredEvent(db, JSON.parse(row.payload) as Stripe.Event);
}
