import "server-only";
import { and, asc, gt, inArray, isNotNull, lt, ne, or, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db";
import { emailChanges, otpCodes, passwordResets, rateLimiter, sessions, staffInvites } from "@/db/schema";
import { affected, inBatches } from "./batches";

/**
 * Deletes the rows of a single-use token table that were used or expired
 * before `cutoff`: `done` says which. Walked by primary key: these tables
 * keep only live rows between runs, so each pass reads little.
 */
async function deleteDone(db: Db, table: typeof otpCodes | typeof passwordResets | typeof emailChanges, done: SQL, size: number): Promise<number> {
  return inBatches<{ id: number }>(
    size,
    (after) =>
      db
        .select({ id: table.id })
        .from(table)
        .where(and(done, after ? gt(table.id, after.id) : undefined))
        .orderBy(asc(table.id))
        .limit(size),
    async (rows) =>
      affected(
        await db.delete(table).where(
          and(
            inArray(
              table.id,
              rows.map((r) => r.id),
            ),
            done,
          ),
        ),
      ),
  );
}

export const deleteOtpCodes = (db: Db, cutoff: Date, size: number) => deleteDone(db, otpCodes, or(lt(otpCodes.consumedAt, cutoff), lt(otpCodes.expiresAt, cutoff))!, size);

export const deletePasswordResets = (db: Db, cutoff: Date, size: number) => deleteDone(db, passwordResets, or(lt(passwordResets.usedAt, cutoff), lt(passwordResets.expiresAt, cutoff))!, size);

export const deleteEmailChanges = (db: Db, cutoff: Date, size: number) => deleteDone(db, emailChanges, or(lt(emailChanges.usedAt, cutoff), lt(emailChanges.expiresAt, cutoff))!, size);

/** Expired sessions, by their expiry index. A session renewed meanwhile has moved on and stays. */
export async function deleteSessions(db: Db, now: Date, size: number): Promise<number> {
  const expired = lt(sessions.expiresAt, now);
  return inBatches<{ id: number }>(
    size,
    () => db.select({ id: sessions.id }).from(sessions).where(expired).orderBy(asc(sessions.expiresAt)).limit(size),
    async (rows) =>
      affected(
        await db.delete(sessions).where(
          and(
            inArray(
              sessions.id,
              rows.map((r) => r.id),
            ),
            expired,
          ),
        ),
      ),
  );
}

/**
 * Expired rate-limit counters (`expire` is epoch milliseconds), by their
 * expiry index. The library counts an expired row as a fresh one, so a row
 * deleted here changes no decision; one it refreshed meanwhile stays.
 */
export async function deleteRateLimits(db: Db, now: Date, size: number): Promise<number> {
  const expired = lt(rateLimiter.expire, now.getTime());
  return inBatches<{ key: string }>(
    size,
    () => db.select({ key: rateLimiter.key }).from(rateLimiter).where(expired).orderBy(asc(rateLimiter.expire)).limit(size),
    async (rows) =>
      affected(
        await db.delete(rateLimiter).where(
          and(
            inArray(
              rateLimiter.key,
              rows.map((r) => r.key),
            ),
            expired,
          ),
        ),
      ),
  );
}

/**
 * Clears the token hashes of staff invites that no longer need them: the
 * decision hash once the request was decided or its decision window closed,
 * the accept hash once the invite was accepted, rejected or expired. The
 * invite itself stays: it is part of the audit trail.
 */
export async function clearInviteTokens(db: Db, cutoff: Date, size: number): Promise<number> {
  const decisionDone = and(
    isNotNull(staffInvites.decisionTokenHash),
    or(lt(staffInvites.decisionExpiresAt, cutoff), and(ne(staffInvites.status, "pending_approval"), lt(sql`COALESCE(${staffInvites.decidedAt}, ${staffInvites.createdAt})`, cutoff))),
  )!;
  const acceptDone = and(
    isNotNull(staffInvites.acceptTokenHash),
    or(
      lt(staffInvites.expiresAt, cutoff),
      and(inArray(staffInvites.status, ["accepted", "rejected", "expired"]), lt(sql`COALESCE(${staffInvites.acceptedAt}, ${staffInvites.decidedAt}, ${staffInvites.createdAt})`, cutoff)),
    ),
  )!;
  return inBatches<{ id: number }>(
    size,
    (after) =>
      db
        .select({ id: staffInvites.id })
        .from(staffInvites)
        .where(and(or(decisionDone, acceptDone), after ? gt(staffInvites.id, after.id) : undefined))
        .orderBy(asc(staffInvites.id))
        .limit(size),
    async (rows) =>
      affected(
        await db
          .update(staffInvites)
          // One statement: each hash is cleared only if its own rule holds.
          .set({ decisionTokenHash: sql`IF(${decisionDone}, NULL, ${staffInvites.decisionTokenHash})`, acceptTokenHash: sql`IF(${acceptDone}, NULL, ${staffInvites.acceptTokenHash})` })
          .where(
            and(
              inArray(
                staffInvites.id,
                rows.map((r) => r.id),
              ),
              or(decisionDone, acceptDone),
            ),
          ),
      ),
  );
}
