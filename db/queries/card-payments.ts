import "server-only";
import { and, asc, count, desc, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { clients, invoices, payments, stripeEvents } from "@/db/schema";
import { readWholeNumber } from "@/lib/validation/fields";

// The back-office payments page (/admin/payments, /staff/payments). Callers check "payments:write".

export const CARD_PAYMENTS_PAGE_SIZE = 20;
export const cardPaymentViews = ["pending", "refunds", "events"] as const;
export type CardPaymentView = (typeof cardPaymentViews)[number];
export type CardPaymentParams = { view: CardPaymentView; page: number };

type RawParams = Record<string, string | string[] | undefined>;
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/** The page's URL params; anything unknown falls back to the first view and page 1. */
export function parseCardPaymentParams(params: RawParams): CardPaymentParams {
  const view = first(params.view);
  return {
    view: (cardPaymentViews as readonly string[]).includes(view ?? "") ? (view as CardPaymentView) : "pending",
    page: Math.max(1, readWholeNumber(first(params.page)) ?? 1),
  };
}

const pendingWhere = () => and(eq(payments.method, "card"), eq(payments.status, "pending"), eq(payments.provider, "stripe"));
const refundDueWhere = () => eq(payments.refundDue, true);
const failedEventsWhere = () => eq(stripeEvents.status, "failed");

/** How many rows each view holds, for its tab. */
export async function countCardPaymentViews(): Promise<Record<CardPaymentView, number>> {
  const db = getDb();
  const [[pending], [refunds], [events]] = await Promise.all([
    db.select({ n: count() }).from(payments).where(pendingWhere()),
    db.select({ n: count() }).from(payments).where(refundDueWhere()),
    db.select({ n: count() }).from(stripeEvents).where(failedEventsWhere()),
  ]);
  return { pending: pending?.n ?? 0, refunds: refunds?.n ?? 0, events: events?.n ?? 0 };
}

const paymentColumns = {
  id: payments.id,
  amountMinor: payments.amountMinor,
  refundedMinor: payments.refundedMinor,
  currency: payments.currency,
  status: payments.status,
  refundDue: payments.refundDue,
  providerRef: payments.providerRef,
  failureReason: payments.failureReason,
  createdAt: payments.createdAt,
  receivedAt: payments.receivedAt,
  invoiceId: invoices.id,
  invoiceNumber: invoices.number,
  clientId: clients.id,
  clientName: clients.name,
};

/** Stripe card payments still waiting for their webhook, oldest first (the oldest most likely need a look). */
export async function listPendingCardPayments(page: number) {
  return getDb()
    .select(paymentColumns)
    .from(payments)
    .innerJoin(invoices, eq(invoices.id, payments.invoiceId))
    .innerJoin(clients, eq(clients.id, payments.clientId))
    .where(pendingWhere())
    .orderBy(asc(payments.createdAt), asc(payments.id))
    .limit(CARD_PAYMENTS_PAGE_SIZE)
    .offset((page - 1) * CARD_PAYMENTS_PAGE_SIZE);
}

/** Money a provider took that no invoice could take: staff refund it. Oldest first. */
export async function listRefundDuePayments(page: number) {
  return getDb()
    .select(paymentColumns)
    .from(payments)
    .innerJoin(invoices, eq(invoices.id, payments.invoiceId))
    .innerJoin(clients, eq(clients.id, payments.clientId))
    .where(refundDueWhere())
    .orderBy(asc(payments.receivedAt), asc(payments.id))
    .limit(CARD_PAYMENTS_PAGE_SIZE)
    .offset((page - 1) * CARD_PAYMENTS_PAGE_SIZE);
}

/** Stripe webhook events that failed to apply, newest first (without their payloads). */
export async function listFailedStripeEvents(page: number) {
  return getDb()
    .select({
      id: stripeEvents.id,
      eventId: stripeEvents.eventId,
      type: stripeEvents.type,
      attempts: stripeEvents.attempts,
      lastError: stripeEvents.lastError,
      createdAt: stripeEvents.createdAt,
      updatedAt: stripeEvents.updatedAt,
    })
    .from(stripeEvents)
    .where(failedEventsWhere())
    .orderBy(desc(stripeEvents.updatedAt), desc(stripeEvents.id))
    .limit(CARD_PAYMENTS_PAGE_SIZE)
    .offset((page - 1) * CARD_PAYMENTS_PAGE_SIZE);
}

export type CardPaymentRow = Awaited<ReturnType<typeof listPendingCardPayments>>[number];
export type FailedStripeEventRow = Awaited<ReturnType<typeof listFailedStripeEvents>>[number];
