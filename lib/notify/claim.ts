import "server-only";
import { and, asc, eq, inArray, lt, lte, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db";
import { outbox, outboxAttempts, type OutboxStatus } from "@/db/schema";
import { backoffDelay, type BackoffPolicy } from "./backoff";
import { inTransaction } from "@/lib/transaction";

const claimColumns = {
  id: outbox.id,
  status: outbox.status,
  channel: outbox.channel,
  to: outbox.to,
  cc: outbox.cc,
  bcc: outbox.bcc,
  subject: outbox.subject,
  text: outbox.text,
  html: outbox.html,
  secrets: outbox.secrets,
  attachments: outbox.attachments,
  idempotencyKey: outbox.idempotencyKey,
  attempts: outbox.attempts,
};

export type ClaimedMessage = Pick<typeof outbox.$inferSelect, keyof typeof claimColumns>;

const due = (status: OutboxStatus) => and(eq(outbox.status, status), lte(outbox.nextAttemptAt, sql`NOW(3)`));
// New messages first (one-time codes are waiting), then due retries, then
// messages whose worker died mid-send (its lease ran out).
const sources: SQL[] = [due("queued")!, due("failed")!, and(eq(outbox.status, "sending"), lt(outbox.lockedUntil, sql`NOW(3)`))!];

const LEASE_LOST = "The worker sending it stopped before recording the result (lease expired) on the last allowed attempt.";
export const EXPIRED = "Not sent: it expired before it could go out (a one-time code past its lifetime). Ask for a new one.";

// By the database's clock, as next_attempt_at is.
const expired = sql<number>`(${outbox.expiresAt} IS NOT NULL AND ${outbox.expiresAt} <= NOW(3))`.mapWith(Number);

/**
 * Claims up to `limit` due messages for this worker in one short
 * transaction, and returns them with the attempt number they are on.
 *
 * Each source is its own `ORDER BY next_attempt_at LIMIT n FOR UPDATE SKIP
 * LOCKED` query, which walks the (status, next_attempt_at) index in order and
 * locks only the rows it returns. One query with OR or IN across statuses
 * would sort every due row first and lock all of them, leaving nothing for
 * a second worker's SKIP LOCKED until this transaction ends. READ COMMITTED
 * drops the locks on rows examined but not matched.
 *
 * A due message past its `expires_at` is marked dead instead of claimed,
 * whichever source found it: a code retried after a 500, or after a worker
 * lost its lease mid-send (when Twilio may already have texted it), is never
 * sent once it has run out.
 */
export async function claimDue(db: Db, opts: { workerId: string; leaseMs: number; limit: number; maxAttempts: number }): Promise<ClaimedMessage[]> {
  return inTransaction(
    db,
    async (tx) => {
      const found: (ClaimedMessage & { expired: number })[] = [];
      for (const where of sources) {
        const left = opts.limit - found.length;
        if (left <= 0) break;
        found.push(
          ...(await tx
            .select({ ...claimColumns, expired })
            .from(outbox)
            .where(where)
            .orderBy(asc(outbox.nextAttemptAt), asc(outbox.id))
            .limit(left)
            .for("update", { skipLocked: true })),
        );
      }
      const lapsed = found.filter((m) => m.expired).map((m) => m.id);
      if (lapsed.length) {
        await tx.update(outbox).set({ status: "dead", lastError: EXPIRED, lockedBy: null, lockedUntil: null, secrets: null }).where(inArray(outbox.id, lapsed));
      }
      // Only a crashed final attempt gets here with no attempts left: it is dead, not retried forever.
      const exhausted = found.filter((m) => !m.expired && m.status === "sending" && m.attempts >= opts.maxAttempts).map((m) => m.id);
      if (exhausted.length) {
        await tx.update(outbox).set({ status: "dead", lastError: LEASE_LOST, lockedBy: null, lockedUntil: null, secrets: null }).where(inArray(outbox.id, exhausted));
      }
      const claimed = found.filter((m) => !m.expired && !exhausted.includes(m.id)).map(({ expired: _, ...m }) => m);
      if (claimed.length) {
        await tx
          .update(outbox)
          .set({
            status: "sending",
            lockedBy: opts.workerId,
            lockedUntil: sql`NOW(3) + INTERVAL ${Math.round(opts.leaseMs * 1000)} MICROSECOND`,
            attempts: sql`${outbox.attempts} + 1`,
          })
          .where(
            inArray(
              outbox.id,
              claimed.map((m) => m.id),
            ),
          );
      }
      return claimed.map((m) => ({ ...m, status: "sending" as const, attempts: m.attempts + 1 }));
    },
    { isolationLevel: "read committed" },
  );
}

export type AttemptResult = { status: "sent" | "captured"; providerMessageId: string | null } | { status: "failed"; error: string; permanent: boolean };

export type RecordOptions = { workerId: string; durationMs: number; maxAttempts: number; backoff: BackoffPolicy };

/**
 * Records how an attempt ended: sent or captured, failed with the next try
 * scheduled, or dead after the last allowed attempt. A sent or dead message
 * loses its encrypted secrets in the same update: nothing will send it again.
 * A captured one keeps them, so capture mode can show its codes and links.
 * The update only applies while this worker still holds the lease
 * (`locked_by`), so a worker whose lease ran out can't overwrite the worker
 * that took the message over. The attempt row is written either way: it
 * happened.
 */
export async function recordAttempt(db: Db, message: Pick<ClaimedMessage, "id" | "attempts">, result: AttemptResult, opts: RecordOptions) {
  return inTransaction(db, async (tx) => {
    const failed = result.status === "failed";
    const status: OutboxStatus = failed ? (result.permanent || message.attempts >= opts.maxAttempts ? "dead" : "failed") : result.status;
    const delayUs = backoffDelay(message.attempts, opts.backoff) * 1000;
    const outcome = failed
      ? { lastError: result.error, nextAttemptAt: sql`NOW(3) + INTERVAL ${delayUs} MICROSECOND` }
      : { providerMessageId: result.providerMessageId, sentAt: sql`NOW(3)`, lastError: null };
    const finished = status === "sent" || status === "dead" ? { secrets: null } : {};
    const [res] = await tx
      .update(outbox)
      .set({ status, lockedBy: null, lockedUntil: null, ...outcome, ...finished })
      .where(and(eq(outbox.id, message.id), eq(outbox.lockedBy, opts.workerId), eq(outbox.status, "sending")));
    await tx.insert(outboxAttempts).values({
      outboxId: message.id,
      attempt: message.attempts,
      workerId: opts.workerId,
      outcome: result.status,
      error: failed ? result.error : null,
      durationMs: Math.round(opts.durationMs),
    });
    return { applied: res.affectedRows === 1, status };
  });
}
