import "server-only";
import { and, asc, eq, isNull, ne } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { clients, invoices, services, subscriptions, type PaymentMethod } from "@/db/schema";
import { readSettings } from "@/db/queries/settings";
import { writeAudit } from "@/lib/audit";
import { nthPeriod, type RecurringInterval } from "@/lib/billing/periods";
import { now as clockNow } from "@/lib/clock";
import { addDaysIso, businessDay, formatDate, zonedInstant } from "@/lib/dates";
import { DomainError, NotFoundError } from "@/lib/errors";
import { auditActor, type ActorOrSystem } from "@/lib/actor";
import { createDraftInvoice } from "@/lib/invoices/drafts";
import { queueInvoiceEmail } from "@/lib/invoices/email";
import { issueInvoice } from "@/lib/invoices/issue";
import { lockInvoice } from "@/lib/invoices/lock";
import { inTransaction, isDuplicateKey } from "@/lib/transaction";

export type SubscribeInput = {
  /** From the session, never the request. */
  clientId: number;
  serviceId: number;
  paymentMethod: Extract<PaymentMethod, "card" | "bank_transfer" | "cash">;
  /** From the portal's order form: one subscription per key and client, so a replayed submit orders nothing. */
  idempotencyKey?: string;
  actor: ActorOrSystem;
  today?: string;
  /** The instant of subscribing (the clock's by default); its business day is the first period's start. */
  now?: Date;
};

export type SubscribeResult = {
  subscriptionId: number;
  invoiceId: number;
  invoiceNumber: string;
  /** True when the idempotency key had been used: the first order's result, and nothing new was created. */
  replayed: boolean;
};

/** The order this client already placed with this key, if any. */
async function replay(db: DbOrTx, clientId: number, key: string, serviceId: number): Promise<SubscribeResult | null> {
  const [sub] = await db
    .select({ id: subscriptions.id, serviceId: subscriptions.serviceId })
    .from(subscriptions)
    .where(and(eq(subscriptions.clientId, clientId), eq(subscriptions.idempotencyKey, key)))
    .limit(1);
  if (!sub) return null;
  if (sub.serviceId !== serviceId) throw new DomainError("This order was already sent for another service. Reload the page and try again.");
  // Its first invoice: the one this order created.
  const [first] = await db.select({ id: invoices.id, number: invoices.number }).from(invoices).where(eq(invoices.subscriptionId, sub.id)).orderBy(asc(invoices.id)).limit(1);
  if (!first?.number) throw new Error(`Subscription ${sub.id} has no issued first invoice`);
  return { subscriptionId: sub.id, invoiceId: first.id, invoiceNumber: first.number, replayed: true };
}

/**
 * A client subscribes to an active service priced in its billing currency
 * (the portal offers no other). One transaction: the client row
 * is locked (so a double submit can't subscribe twice), the price and
 * interval are snapshotted onto the subscription, and its first invoice is
 * created for the first period, issued and emailed with its signed link and
 * PDF (the same invoice functions billing uses). The billing run then sees
 * that period as billed and carries on from the next one. A repeated
 * idempotency key returns the first order instead: a one-time service may be
 * ordered twice, but not by one form sent twice.
 */
export async function subscribeToService(db: DbOrTx, input: SubscribeInput): Promise<SubscribeResult> {
  try {
    return await placeOrder(db, input);
  } catch (error) {
    // The backstop when two submits with one key got past the check together: the loser's insert hits the unique key.
    if (input.idempotencyKey && isDuplicateKey(error, "subscriptions_idempotency_uq")) {
      const previous = await replay(db, input.clientId, input.idempotencyKey, input.serviceId);
      if (previous) return previous;
    }
    throw error;
  }
}

async function placeOrder(db: DbOrTx, input: SubscribeInput): Promise<SubscribeResult> {
  const now = input.now ?? clockNow();
  return inTransaction(db, async (tx) => {
    // The client lock comes before any plain read: the transaction's snapshot then starts after
    // it, so the checks below see an order that a concurrent submit committed while this one waited.
    const [client] = await tx
      .select({ id: clients.id, email: clients.email, currency: clients.currency, archivedAt: clients.archivedAt })
      .from(clients)
      .where(eq(clients.id, input.clientId))
      .limit(1)
      .for("update");
    if (!client) throw new NotFoundError("Your client account");
    if (input.idempotencyKey) {
      const previous = await replay(tx, client.id, input.idempotencyKey, input.serviceId);
      if (previous) return previous;
    }
    const settings = await readSettings(tx);
    // The business's day: a client subscribing at 17:00 in Los Angeles starts today there, not tomorrow in UTC.
    const today = input.today ?? businessDay(settings.timeZone, now);
    if (client.archivedAt) throw new DomainError("Your account is closed. Contact us to reopen it.");
    const [service] = await tx
      .select({ id: services.id, name: services.name, priceMinor: services.priceMinor, currency: services.currency, interval: services.interval })
      .from(services)
      .where(and(eq(services.id, input.serviceId), eq(services.active, true), isNull(services.archivedAt)))
      .limit(1);
    if (!service) throw new NotFoundError("That service");
    // A client is billed in its own currency only: a service priced in another
    // is never charged as if it were in this one, nor converted at a rate.
    if (service.currency !== client.currency) {
      throw new DomainError(`${service.name} is priced in ${service.currency}, and your account is billed in ${client.currency}. Contact us if you'd like it in ${client.currency}.`);
    }
    const [existing] = await tx
      .select({ id: subscriptions.id })
      .from(subscriptions)
      .where(and(eq(subscriptions.clientId, client.id), eq(subscriptions.serviceId, service.id), ne(subscriptions.status, "cancelled")))
      .limit(1);
    if (existing && service.interval !== "one_time") throw new DomainError(`You already subscribe to ${service.name}.`);

    // A one-time service is one period of one day: nothing renews it.
    const period = service.interval === "one_time" ? { start: today, end: today } : nthPeriod(today, service.interval as RecurringInterval, 0);
    const [res] = await tx.insert(subscriptions).values({
      clientId: client.id,
      serviceId: service.id,
      priceMinor: service.priceMinor,
      currency: service.currency,
      interval: service.interval,
      status: "active",
      paymentMethod: input.paymentMethod,
      // The billing run counts periods from the business day of this instant, so it must fall on `today`.
      startedAt: input.today ? zonedInstant(today, "12:00", settings.timeZone) : now,
      currentPeriodStart: period.start,
      currentPeriodEnd: period.end,
      idempotencyKey: input.idempotencyKey ?? null,
    });
    const subscriptionId = res.insertId;
    await writeAudit(tx, {
      actor: auditActor(input.actor),
      action: "subscription.create",
      entityType: "subscription",
      entityId: subscriptionId,
      after: { clientId: client.id, serviceId: service.id, priceMinor: service.priceMinor, currency: service.currency, interval: service.interval, paymentMethod: input.paymentMethod },
      ip: input.actor.ip,
    });

    const description = service.interval === "one_time" ? service.name : `${service.name}, ${formatDate(period.start, settings.locale)} – ${formatDate(period.end, settings.locale)}`;
    const draft = await createDraftInvoice(tx, {
      clientId: client.id,
      currency: service.currency,
      issueDate: today,
      dueDate: addDaysIso(today, settings.dueDays),
      discountMinor: 0,
      notes: null,
      lines: [{ serviceId: service.id, description, quantityMilli: 1000, unitPriceMinor: service.priceMinor, taxRateBp: settings.taxRateBp }],
      subscriptionId,
      periodStart: period.start,
      periodEnd: period.end,
      actor: input.actor,
    });
    const issued = await issueInvoice(tx, { invoiceId: draft.id, actor: input.actor, clientScope: client.id });
    if (client.email) {
      await queueInvoiceEmail(tx, await lockInvoice(tx, draft.id, client.id), { to: [client.email], idempotencyKey: `subscribe:${subscriptionId}`, actor: input.actor });
    }
    return { subscriptionId, invoiceId: draft.id, invoiceNumber: issued.number, replayed: false };
  });
}
