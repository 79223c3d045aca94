import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/db";
import { stripeEvents } from "@/db/schema";
import { auditActor, type Actor } from "@/lib/actor";
import { writeAudit } from "@/lib/audit";
import { retryStripeEvent } from "./webhook";

export type RetryAnswer = { status: 200 | 404 | 500; outcome?: string; error?: string };

/**
 * A person retries a stored webhook event from the payments page: the same
 * idempotent path as a delivery (./webhook.ts), so an event that already
 * applied changes nothing. The attempt and how it went are audited.
 */
export async function retryStripeEventAsStaff(db: Db, eventRowId: number, actor: Actor): Promise<RetryAnswer> {
  const [before] = await db
    .select({ eventId: stripeEvents.eventId, type: stripeEvents.type, status: stripeEvents.status, attempts: stripeEvents.attempts })
    .from(stripeEvents)
    .where(eq(stripeEvents.id, eventRowId))
    .limit(1);
  if (!before) return { status: 404 };
  const answer = await retryStripeEvent(db, eventRowId);
  const [after] = await db
    .select({ status: stripeEvents.status, attempts: stripeEvents.attempts, lastError: stripeEvents.lastError })
    .from(stripeEvents)
    .where(eq(stripeEvents.id, eventRowId))
    .limit(1);
  await writeAudit(db, {
    actor: auditActor(actor),
    action: "stripe_event.retry",
    entityType: "stripe_event",
    entityId: eventRowId,
    before: { eventId: before.eventId, type: before.type, status: before.status, attempts: before.attempts },
    after: { status: after?.status ?? null, attempts: after?.attempts ?? null, outcome: answer.body.outcome ?? null, error: after?.status === "failed" ? (after.lastError ?? null) : null },
    ip: actor.ip,
  });
  if (answer.status === 200) return { status: 200, outcome: answer.body.duplicate ? "duplicate" : answer.body.outcome };
  return { status: answer.status === 404 ? 404 : 500, error: after?.lastError ?? answer.body.error };
}
