import "server-only";
import { and, eq, isNull, ne } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { clients, services, subscriptions, type PaymentMethod } from "@/db/schema";
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
import { inTransaction } from "@/lib/transaction";

export type SubscribeInput = {
  /** From the session, never the request. */
  clientId: number;
  serviceId: number;
  paymentMethod: Extract<PaymentMethod, "card" | "bank_transfer" | "cash">;
  actor: ActorOrSystem;
  today?: string;
  /** The instant of subscribing (the clock's by default); its business day is the first period's start. */
  now?: Date;
};

export type SubscribeResult = { subscriptionId: number; invoiceId: number; invoiceNumber: string };

/**
 * A client subscribes to an active service priced in its billing currency
 * (the portal offers no other). One transaction: the client row
 * is locked (so a double submit can't subscribe twice), the price and
 * interval are snapshotted onto the subscription, and its first invoice is
 * created for the first period, issued and emailed with its signed link and
 * PDF (the same invoice functions billing uses). The billing run then sees
 * that period as billed and carries on from the next one.
 */
export async function subscribeToService(db: DbOrTx, input: SubscribeInput): Promise<SubscribeResult> {
  const now = input.now ?? clockNow();
  return inTransaction(db, async (tx) => {
    const settings = await readSettings(tx);
    // The business's day: a client subscribing at 17:00 in Los Angeles starts today there, not tomorrow in UTC.
    const today = input.today ?? businessDay(settings.timeZone, now);
    const [client] = await tx
      .select({ id: clients.id, email: clients.email, currency: clients.currency, archivedAt: clients.archivedAt })
      .from(clients)
      .where(eq(clients.id, input.clientId))
      .limit(1)
      .for("update");
    if (!client) throw new NotFoundError("Your client account");
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
    return { subscriptionId, invoiceId: draft.id, invoiceNumber: issued.number };
  });
}
