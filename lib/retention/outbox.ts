import "server-only";
import { and, asc, eq, gt, inArray, isNull, lt, or, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { outbox } from "@/db/schema";
import { affected, inBatches } from "./batches";

const FINISHED = ["sent", "captured", "dead"] as const;

// When a message finished: sent or captured at sent_at; a dead one at its
// last failure, which set next_attempt_at (a retry moves both on).
const finishedAt = sql`COALESCE(${outbox.sentAt}, ${outbox.nextAttemptAt})`;

type Window = { id: number; createdAt: Date; prunable: number };

/**
 * Empties the bodies of messages that finished before `cutoff`: text, HTML,
 * template data and secrets go, pruned_at is set; the envelope, subject,
 * status and attempts stay, so a record's history still lists the message.
 * Queued, sending and failed messages are never touched.
 *
 * It walks the created_at index in windows of `size` (a message finishes
 * after it is created, so nothing newer than the cutoff qualifies), and each
 * window's update names its rows by id and checks them again.
 */
export async function pruneOutbox(db: Db, cutoff: Date, size: number): Promise<number> {
  const prunable = and(inArray(outbox.status, [...FINISHED]), isNull(outbox.prunedAt), lt(finishedAt, cutoff));
  return inBatches<Window>(
    size,
    (after) =>
      db
        .select({ id: outbox.id, createdAt: outbox.createdAt, prunable: sql<number>`${prunable}` })
        .from(outbox)
        .where(and(lt(outbox.createdAt, cutoff), after ? or(gt(outbox.createdAt, after.createdAt), and(eq(outbox.createdAt, after.createdAt), gt(outbox.id, after.id))) : undefined))
        .orderBy(asc(outbox.createdAt), asc(outbox.id))
        .limit(size),
    async (window) => {
      const ids = window.filter((m) => Number(m.prunable) === 1).map((m) => m.id);
      if (!ids.length) return 0;
      return affected(
        await db
          .update(outbox)
          .set({ text: "", html: null, templateData: null, secrets: null, prunedAt: sql`NOW(3)` })
          .where(and(inArray(outbox.id, ids), prunable)),
      );
    },
  );
}
