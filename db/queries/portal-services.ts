import "server-only";
import { and, asc, desc, eq, isNull, ne, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { clients, services, subscriptions } from "@/db/schema";
import { subscriptionColumns } from "./columns";

// The service catalogue as a client sees it, and the client's own
// subscriptions. The client id comes from the session.

/**
 * Active services priced in the client's billing currency (the only ones it
 * can subscribe to), with whether it already has a live (not cancelled)
 * subscription to each.
 */
export async function listPortalServices(clientId: number) {
  const db = getDb();
  const [rows, live] = await Promise.all([
    db
      .select({ id: services.id, name: services.name, description: services.description, priceMinor: services.priceMinor, currency: services.currency, interval: services.interval })
      .from(services)
      .innerJoin(clients, and(eq(clients.id, clientId), eq(clients.currency, services.currency)))
      .where(and(isNull(services.archivedAt), eq(services.active, true)))
      .orderBy(asc(services.name)),
    db
      .selectDistinct({ serviceId: subscriptions.serviceId })
      .from(subscriptions)
      .where(and(eq(subscriptions.clientId, clientId), ne(subscriptions.status, "cancelled"))),
  ]);
  const subscribed = new Set(live.map((l) => l.serviceId));
  return rows.map((r) => ({ ...r, subscribed: subscribed.has(r.id) }));
}

export type PortalService = Awaited<ReturnType<typeof listPortalServices>>[number];

/** The client's subscriptions, live ones first, then ended ones, newest first. */
export async function listPortalSubscriptions(clientId: number) {
  return getDb()
    .select({
      ...subscriptionColumns,
      paymentMethod: subscriptions.paymentMethod,
      // The Stripe payment method saved for it, if any (server side only: the page shows its description).
      savedCardId: subscriptions.stripePaymentMethodId,
    })
    .from(subscriptions)
    .innerJoin(services, eq(services.id, subscriptions.serviceId))
    .where(eq(subscriptions.clientId, clientId))
    .orderBy(sql`${subscriptions.status} = 'cancelled'`, desc(subscriptions.startedAt), desc(subscriptions.id));
}

export type PortalSubscription = Awaited<ReturnType<typeof listPortalSubscriptions>>[number];
