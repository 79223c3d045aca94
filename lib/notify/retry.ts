import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { outbox, type Role } from "@/db/schema";
import { writeAudit } from "@/lib/audit";
import { DomainError, NotFoundError } from "@/lib/errors";
import { hasPlaceholders } from "./placeholders";
import { inTransaction } from "@/lib/transaction";

const retryable = new Set(["failed", "dead"]);

type RetryCheck = { status: string; prunedAt: Date | null; expiresAt: Date | null; secrets: string | null; subject: string | null; text: string; html: string | null };

/**
 * Why "Retry now" can't send this message again, or null when it can: only
 * failed or dead messages are retried, and never one that could only go out
 * incomplete (its code or link dropped when it died, or its body emptied by
 * the retention job) or too late (past its expiry: a code that no longer works).
 */
export function whyNotRetryable(m: RetryCheck, now: Date = new Date()): string | null {
  if (!retryable.has(m.status)) return `Only failed or dead messages can be retried; this one is ${m.status}.`;
  if (m.prunedAt) return "This message's text was removed by the retention job, so it can't be sent again.";
  if (m.expiresAt && m.expiresAt.getTime() <= now.getTime()) return "This message has expired (a one-time code past its lifetime), so it can't be sent again. Ask for a new code instead.";
  if (!m.secrets && [m.subject, m.text, m.html].some(hasPlaceholders)) {
    return "This message's one-time code or link was removed when it failed for good, so it can't be sent again. Ask for a new code or link instead.";
  }
  return null;
}

/**
 * "Retry now" from the outbox page: a failed or dead message goes back to
 * queued, due at once, with a fresh set of attempts (its earlier attempts stay
 * in its history), unless whyNotRetryable() says otherwise. The change and
 * its audit row commit together.
 */
export async function retryMessage(db: Db, id: number, actor: { id: number; role: Role; ip?: string | null }): Promise<{ id: number }> {
  return inTransaction(db, async (tx) => {
    const [row] = await tx
      .select({
        status: outbox.status,
        attempts: outbox.attempts,
        lastError: outbox.lastError,
        subject: outbox.subject,
        text: outbox.text,
        html: outbox.html,
        secrets: outbox.secrets,
        prunedAt: outbox.prunedAt,
        expiresAt: outbox.expiresAt,
      })
      .from(outbox)
      .where(eq(outbox.id, id))
      .for("update");
    if (!row) throw new NotFoundError("That message");
    const refusal = whyNotRetryable(row);
    if (refusal) throw new DomainError(refusal);
    await tx
      .update(outbox)
      .set({ status: "queued", attempts: 0, nextAttemptAt: sql`NOW(3)`, lockedBy: null, lockedUntil: null })
      .where(eq(outbox.id, id));
    await writeAudit(tx, {
      actor: { id: actor.id, role: actor.role },
      action: "outbox.retry",
      entityType: "outbox",
      entityId: id,
      before: { status: row.status, attempts: row.attempts, lastError: row.lastError },
      after: { status: "queued", attempts: 0 },
      ip: actor.ip,
    });
    return { id };
  });
}
