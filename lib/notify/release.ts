import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { outbox } from "@/db/schema";

/**
 * Hands back messages this worker claimed but never started sending (it is
 * stopping): due at once, lease cleared, and the claim's attempt taken back,
 * since no attempt happened. A message with earlier attempts goes back to
 * `failed` (where retries wait), a fresh one to `queued`. Only rows this
 * worker still holds are touched. Resolves to the number released.
 */
export async function releaseClaims(db: Db, ids: number[], workerId: string): Promise<number> {
  return deferClaims(db, ids, workerId, { delayMs: 0 });
}

/**
 * releaseClaims(), due again only after `delayMs`: what a provider's 429
 * does to the message it refused (with `lastError` saying so) and to the rest
 * of the round for that provider. The attempt is taken back, so a burst that
 * outruns the provider's rate limit never uses up a message's retries.
 */
export async function deferClaims(db: Db, ids: number[], workerId: string, opts: { delayMs: number; lastError?: string }): Promise<number> {
  if (!ids.length) return 0;
  const [res] = await db
    .update(outbox)
    .set({
      // MySQL assigns left to right and Drizzle writes columns in schema order (status before
      // attempts), so this reads the claimed count, before the decrement below.
      status: sql`IF(${outbox.attempts} > 1, 'failed', 'queued')`,
      attempts: sql`${outbox.attempts} - 1`,
      nextAttemptAt: opts.delayMs > 0 ? sql`NOW(3) + INTERVAL ${Math.round(opts.delayMs * 1000)} MICROSECOND` : sql`NOW(3)`,
      lockedBy: null,
      lockedUntil: null,
      ...(opts.lastError ? { lastError: opts.lastError } : {}),
    })
    .where(and(inArray(outbox.id, ids), eq(outbox.lockedBy, workerId), eq(outbox.status, "sending")));
  return res.affectedRows;
}
