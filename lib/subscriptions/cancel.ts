import "server-only";
import { and, eq } from "drizzle-orm";
import type { DbOrTx, Tx } from "@/db";
import { subscriptions } from "@/db/schema";
import { writeAudit } from "@/lib/audit";
import { DomainError, NotFoundError } from "@/lib/errors";
import { auditActor, type ActorOrSystem } from "@/lib/actor";
import { inTransaction } from "@/lib/transaction";

type ScopedInput = { clientId: number; subscriptionId: number; actor: ActorOrSystem };

/** Locks one of this client's subscriptions; another client's id is "not found", like a missing one. */
async function lockOwnSubscription(tx: Tx, input: ScopedInput) {
  const [sub] = await tx
    .select({
      id: subscriptions.id,
      status: subscriptions.status,
      interval: subscriptions.interval,
      cancelAtPeriodEnd: subscriptions.cancelAtPeriodEnd,
      currentPeriodEnd: subscriptions.currentPeriodEnd,
    })
    .from(subscriptions)
    .where(and(eq(subscriptions.id, input.subscriptionId), eq(subscriptions.clientId, input.clientId)))
    .limit(1)
    .for("update");
  if (!sub) throw new NotFoundError("That subscription");
  return sub;
}

/**
 * Cancels at the end of the current period: the client keeps what it paid
 * for, and the billing run ends the subscription instead of renewing it.
 */
export async function cancelSubscription(db: DbOrTx, input: ScopedInput): Promise<{ endsOn: string }> {
  return inTransaction(db, async (tx) => {
    const sub = await lockOwnSubscription(tx, input);
    if (sub.status === "cancelled") throw new DomainError("This subscription has already ended.");
    if (sub.interval === "one_time") throw new DomainError("A one-time service doesn't renew, so there is nothing to cancel.");
    if (sub.cancelAtPeriodEnd) throw new DomainError("This subscription is already set to end at the end of its period.");
    await tx.update(subscriptions).set({ cancelAtPeriodEnd: true }).where(eq(subscriptions.id, sub.id));
    await writeAudit(tx, {
      actor: auditActor(input.actor),
      action: "subscription.cancel_at_period_end",
      entityType: "subscription",
      entityId: sub.id,
      before: { cancelAtPeriodEnd: false },
      after: { cancelAtPeriodEnd: true, endsOn: sub.currentPeriodEnd },
      ip: input.actor.ip,
    });
    return { endsOn: sub.currentPeriodEnd };
  });
}

/** Changes its mind before the period ends: the subscription renews as before. */
export async function resumeSubscription(db: DbOrTx, input: ScopedInput): Promise<void> {
  await inTransaction(db, async (tx) => {
    const sub = await lockOwnSubscription(tx, input);
    if (sub.status === "cancelled") throw new DomainError("This subscription has already ended. Subscribe again from Services.");
    if (!sub.cancelAtPeriodEnd) throw new DomainError("This subscription isn't set to end.");
    await tx.update(subscriptions).set({ cancelAtPeriodEnd: false }).where(eq(subscriptions.id, sub.id));
    await writeAudit(tx, {
      actor: auditActor(input.actor),
      action: "subscription.resume",
      entityType: "subscription",
      entityId: sub.id,
      before: { cancelAtPeriodEnd: true },
      after: { cancelAtPeriodEnd: false },
      ip: input.actor.ip,
    });
  });
}
