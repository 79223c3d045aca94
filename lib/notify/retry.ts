import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { outbox, type Role } from "@/db/schema";
import { writeAudit } from "@/lib/audit";
import { DomainError, NotFoundError } from "@/lib/errors";
import { hasPlaceholders } from "./placeholders";

const retryable = new Set(["failed", "dead"]);

/**
 * "Retry now" from the outbox page: a failed or dead message goes back to
 * queued, due at once, with a fresh set of attempts (its earlier attempts stay
 * in its history). The change and its audit row commit together. A message
 * whose code or link was dropped (it died) or whose body the retention job
 * emptied is refused: it could only go out incomplete.
 */
export async function retryMessage(db: Db, id: number, actor: { id: number; role: Role; ip?: string | null }): Promise<{ id: number }> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ status: outbox.status, attempts: outbox.attempts, lastError: outbox.lastError, subject: outbox.subject, text: outbox.text, html: outbox.html, secrets: outbox.secrets, prunedAt: outbox.prunedAt })
      .from(outbox)
      .where(eq(outbox.id, id))
      .for("update");
    if (!row) throw new NotFoundError("That message");
    if (!retryable.has(row.status)) throw new DomainError(`Only failed or dead messages can be retried; this one is ${row.status}.`);
    if (row.prunedAt) throw new DomainError("This message's text was removed by the retention job, so it can't be sent again.");
    if (!row.secrets && [row.subject, row.text, row.html].some(hasPlaceholders)) {
      throw new DomainError("This message's one-time code or link was removed when it failed for good, so it can't be sent again. Ask for a new code or link instead.");
    }
    await tx.update(outbox).set({ status: "queued", attempts: 0, nextAttemptAt: sql`NOW(3)`, lockedBy: null, lockedUntil: null }).where(eq(outbox.id, id));
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
