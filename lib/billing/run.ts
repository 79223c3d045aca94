import "server-only";
import { and, asc, eq, gt, isNull, lt, ne, or, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { clients, invoices, services, subscriptions } from "@/db/schema";
import { getSettings } from "@/db/queries/settings";
import { writeAudit } from "@/lib/audit";
import { now } from "@/lib/clock";
import { addDaysIso, businessDay, formatDate } from "@/lib/dates";
import { DomainError } from "@/lib/errors";
import { auditActor, type ActorOrSystem } from "@/lib/actor";
import { createDraftInvoice } from "@/lib/invoices/drafts";
import { queueInvoiceEmail } from "@/lib/invoices/email";
import { issueInvoice } from "@/lib/invoices/issue";
import { lockInvoice } from "@/lib/invoices/lock";
import { inTransaction, isDuplicateKey } from "@/lib/transaction";
import { stripeConfigured } from "@/lib/env";
import { chargeSavedCards } from "@/lib/payments/stripe/saved-cards";
import { billingAnchor, periodContaining, type RecurringInterval } from "./periods";

export type BillingResult = { created: number; invoiceIds: number[]; renewed: number; cancelled: number; skipped: { subscriptionId: number; reason: string }[] };

type Outcome = { kind: "created"; invoiceId: number; renewed: boolean } | { kind: "cancelled" } | { kind: "nothing"; renewed: boolean } | { kind: "skipped"; reason: string };

const BATCH = 200;

/**
 * Bills every active recurring subscription for the period that contains
 * `today` (unless given, the business's day at `now` in its time zone): rolls
 * the subscription's current period forward when it has ended (or cancels it
 * when it was set to end then), then creates, issues and emails the invoice
 * for that period. The unique (subscription_id, period_start) key makes a
 * second run, or two runs at once, create nothing new.
 */
export async function runBilling(db: Db, options: { actor: ActorOrSystem; today?: string; now?: Date }): Promise<BillingResult> {
  const settings = await getSettings();
  const today = options.today ?? businessDay(settings.timeZone, options.now ?? now());
  const result: BillingResult = { created: 0, invoiceIds: [], renewed: 0, cancelled: 0, skipped: [] };
  let afterId = 0;
  for (;;) {
    // Only subscriptions with work to do: a period that ended, or no invoice for the current one.
    const due = await db
      .select({ id: subscriptions.id })
      .from(subscriptions)
      // Archiving ends a client's subscriptions; the join also skips any left active on an archived client.
      .innerJoin(clients, eq(clients.id, subscriptions.clientId))
      .where(
        and(
          eq(subscriptions.status, "active"),
          isNull(clients.archivedAt),
          ne(subscriptions.interval, "one_time"),
          gt(subscriptions.id, afterId),
          or(
            lt(subscriptions.currentPeriodEnd, today),
            sql`not exists (select 1 from ${invoices} where ${invoices.subscriptionId} = ${subscriptions.id} and ${invoices.periodStart} = ${subscriptions.currentPeriodStart})`,
          ),
        ),
      )
      .orderBy(asc(subscriptions.id))
      .limit(BATCH);
    for (const { id } of due) {
      const outcome = await billOne(db, id, today, settings, options.actor).catch((error: unknown): Outcome => {
        if (isDuplicateKey(error, "invoices_subscription_period_uq")) return { kind: "nothing", renewed: false };
        if (error instanceof DomainError) return { kind: "skipped", reason: error.message };
        throw error;
      });
      if (outcome.kind === "created") {
        result.created += 1;
        result.invoiceIds.push(outcome.invoiceId);
      }
      if ((outcome.kind === "created" || outcome.kind === "nothing") && outcome.renewed) result.renewed += 1;
      if (outcome.kind === "cancelled") result.cancelled += 1;
      if (outcome.kind === "skipped") result.skipped.push({ subscriptionId: id, reason: outcome.reason });
    }
    if (due.length < BATCH) break;
    afterId = due[due.length - 1]!.id;
  }
  // Cards saved on file in Stripe are charged once the invoices are issued, outside their transactions.
  if (stripeConfigured()) await chargeSavedCards(db, result.invoiceIds);
  return result;
}

type BillingSettings = { dueDays: number; taxRateBp: number; timeZone: string; locale: string };

async function billOne(db: Db, subscriptionId: number, today: string, settings: BillingSettings, actor: ActorOrSystem): Promise<Outcome> {
  return inTransaction(db, async (tx) => {
    // The subscription lock makes concurrent runs take turns on it.
    const [sub] = await tx.select().from(subscriptions).where(eq(subscriptions.id, subscriptionId)).limit(1).for("update");
    if (!sub || sub.status !== "active" || sub.interval === "one_time") return { kind: "nothing", renewed: false };
    // A plain read, not a lock: archiving locks the client and then the subscription, so locking here would invite a deadlock.
    const [owner] = await tx.select({ archivedAt: clients.archivedAt }).from(clients).where(eq(clients.id, sub.clientId)).limit(1);
    if (owner?.archivedAt) throw new DomainError("The client is archived.");
    const interval = sub.interval as RecurringInterval;
    const period = periodContaining(billingAnchor({ ...sub, interval }, settings.timeZone), interval, today);
    let renewed = false;
    if (period.start > sub.currentPeriodStart) {
      if (sub.cancelAtPeriodEnd) {
        await tx.update(subscriptions).set({ status: "cancelled", cancelledAt: new Date() }).where(eq(subscriptions.id, sub.id));
        await writeAudit(tx, {
          actor: auditActor(actor),
          action: "subscription.cancel",
          entityType: "subscription",
          entityId: sub.id,
          after: { reason: "cancel_at_period_end", periodEnd: sub.currentPeriodEnd },
          ip: actor.ip,
        });
        return { kind: "cancelled" };
      }
      await tx.update(subscriptions).set({ currentPeriodStart: period.start, currentPeriodEnd: period.end }).where(eq(subscriptions.id, sub.id));
      await writeAudit(tx, {
        actor: auditActor(actor),
        action: "subscription.renew",
        entityType: "subscription",
        entityId: sub.id,
        before: { currentPeriodStart: sub.currentPeriodStart },
        after: { currentPeriodStart: period.start, currentPeriodEnd: period.end },
        ip: actor.ip,
      });
      renewed = true;
    } else if (period.start < sub.currentPeriodStart) {
      // The stored period is ahead of today (a run with an earlier date): bill the stored one.
      return { kind: "nothing", renewed: false };
    }
    // A plain read is enough: the subscription lock above serializes runs for it, and the
    // transaction's snapshot starts after that lock, so it sees whatever an earlier run committed.
    const [existing] = await tx
      .select({ id: invoices.id })
      .from(invoices)
      .where(and(eq(invoices.subscriptionId, sub.id), eq(invoices.periodStart, period.start)))
      .limit(1);
    if (existing) return { kind: "nothing", renewed };

    const [detail] = await tx
      .select({ serviceName: services.name, email: clients.email })
      .from(services)
      .innerJoin(clients, eq(clients.id, sub.clientId))
      .where(eq(services.id, sub.serviceId))
      .limit(1);
    if (!detail) throw new DomainError("The subscription's service or client no longer exists.");
    const draft = await createDraftInvoice(tx, {
      clientId: sub.clientId,
      currency: sub.currency,
      issueDate: today,
      dueDate: addDaysIso(today, settings.dueDays),
      discountMinor: 0,
      notes: null,
      lines: [
        {
          serviceId: sub.serviceId,
          description: `${detail.serviceName}, ${formatDate(period.start, settings.locale)} – ${formatDate(period.end, settings.locale)}`,
          quantityMilli: 1000,
          unitPriceMinor: sub.priceMinor,
          taxRateBp: settings.taxRateBp,
        },
      ],
      subscriptionId: sub.id,
      periodStart: period.start,
      periodEnd: period.end,
      actor,
    });
    await issueInvoice(tx, { invoiceId: draft.id, actor });
    if (detail.email) {
      await queueInvoiceEmail(tx, await lockInvoice(tx, draft.id), { to: [detail.email], idempotencyKey: `billing:${sub.id}:${period.start}`, actor });
    }
    return { kind: "created", invoiceId: draft.id, renewed };
  });
}
