import "server-only";
import { and, asc, count, desc, eq, isNull, ne, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { clients, services, subscriptions } from "@/db/schema";
import { subscriptionColumns } from "./columns";

// The service catalogue as a client sees it, and the client's own
// subscriptions. The client id comes from the session.

export const PORTAL_SERVICE_PAGE_SIZE = 24;

/**
 * One page of the active services priced in the client's billing currency (the
 * only ones it can subscribe to), by name, with whether it already has a live
 * (not cancelled) subscription to each, and how many there are in all.
 */
export async function listPortalServices(clientId: number, page: number) {
  const db = getDb();
  const inItsCurrency = and(eq(clients.id, clientId), eq(clients.currency, services.currency));
  const onOffer = and(isNull(services.archivedAt), eq(services.active, true));
  const [[total], rows, live] = await Promise.all([
    db.select({ n: count() }).from(services).innerJoin(clients, inItsCurrency).where(onOffer),
    db
      .select({ id: services.id, name: services.name, description: services.description, priceMinor: services.priceMinor, currency: services.currency, interval: services.interval })
      .from(services)
      .innerJoin(clients, inItsCurrency)
      .where(onOffer)
      .orderBy(asc(services.name), asc(services.id))
      .limit(PORTAL_SERVICE_PAGE_SIZE)
      .offset((page - 1) * PORTAL_SERVICE_PAGE_SIZE),
    db
      .selectDistinct({ serviceId: subscriptions.serviceId })
      .from(subscriptions)
      .where(and(eq(subscriptions.clientId, clientId), ne(subscriptions.status, "cancelled"))),
  ]);
  const subscribed = new Set(live.map((l) => l.serviceId));
  return { rows: rows.map((r) => ({ ...r, subscribed: subscribed.has(r.id) })), total: total?.n ?? 0 };
}

export type PortalService = Awaited<ReturnType<typeof listPortalServices>>["rows"][number];

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
