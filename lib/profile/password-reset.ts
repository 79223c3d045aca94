import "server-only";
import { and, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { isResetUsable } from "@/db/queries/password-resets";
import { passwordResets, users } from "@/db/schema";
import { writeAudit } from "@/lib/audit";
import { hashToken, newToken } from "@/lib/auth/one-time-token";
import { hashPassword, passwordProblems } from "@/lib/auth/password";
import { answerNoSoonerThan } from "@/lib/auth/even-answer";
import { passwordAttemptSucceeded } from "@/lib/auth/password-attempts";
import { env } from "@/lib/env";
import { DomainError } from "@/lib/errors";
import { consume } from "@/lib/limits/limiter";
import { limits } from "@/lib/limits/rules";
import { enqueue } from "@/lib/notify/enqueue";
import { inTransaction } from "@/lib/transaction";
import { cancelEmailChanges } from "./email-change";

export const RESET_TTL_MS = 60 * 60 * 1000;
export const INVALID_RESET = "This reset link isn't valid any more. Links work once, for one hour. Ask for a new one.";

/** Whether a reset link's token can still be used: well formed, issued, unused and within its hour. */
export async function isResetTokenUsable(token: string, now = new Date()): Promise<boolean> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return false;
  return isResetUsable(hashToken(token), now);
}

/**
 * How long "email me a reset link" takes to answer, at least: longer than the
 * work for an account (the email's render and its transaction) takes on a
 * busy 2-core server, so a stranger's answer and an account's take the same.
 */
export const RESET_REQUEST_ANSWER_MS = 600;

/**
 * Emails a reset link when the address belongs to an active account. The
 * caller shows the same message either way and it comes no sooner than
 * RESET_REQUEST_ANSWER_MS, so neither the words nor the time reveal which
 * emails have accounts.
 */
export async function requestPasswordReset(db: Db, email: string, ip: string, now = new Date()): Promise<void> {
  await answerNoSoonerThan(RESET_REQUEST_ANSWER_MS, () => emailResetLink(db, email, ip, now));
}

async function emailResetLink(db: Db, email: string, ip: string, now: Date): Promise<void> {
  // Counted first, whether or not the address has an account, so the limit reveals nothing.
  const decision = await consume({ rule: limits.resetEmail, key: email }, { rule: limits.resetIp, key: ip });
  if (!decision.ok) return;
  const [user] = await db.select({ id: users.id, name: users.name, email: users.email, role: users.role, status: users.status }).from(users).where(eq(users.email, email)).limit(1);
  if (!user || user.status !== "active") return;
  const { token, hash } = newToken();
  const expiresAt = new Date(now.getTime() + RESET_TTL_MS);
  await inTransaction(db, async (tx) => {
    const [res] = await tx.insert(passwordResets).values({ userId: user.id, tokenHash: hash, expiresAt, createdAt: now });
    await enqueue(tx, {
      channel: "email",
      to: user.email,
      template: "password_reset",
      data: { name: user.name, resetUrl: `${env().APP_URL.replace(/\/$/, "")}/reset-password/${token}`, expiresAt: expiresAt.toISOString() },
      related: { type: "user", id: user.id },
      idempotencyKey: `password_reset:${res.insertId}`,
    });
    await writeAudit(tx, { actor: { id: user.id, role: user.role }, action: "user.password_reset_request", entityType: "user", entityId: user.id, ip });
  });
}

/**
 * Sets a new password from a reset link. The link works once and for an hour;
 * using it also voids the user's other reset links and any email change they
 * have pending, and ends every session.
 */
export async function resetPassword(db: Db, token: string, password: string, ip: string, now = new Date()): Promise<void> {
  const passwordHash = await hashPassword(password);
  const email = await inTransaction(db, async (tx) => {
    const [reset] = await tx
      .select({ id: passwordResets.id, userId: passwordResets.userId, expiresAt: passwordResets.expiresAt, usedAt: passwordResets.usedAt })
      .from(passwordResets)
      .where(eq(passwordResets.tokenHash, hashToken(token)))
      .limit(1)
      .for("update");
    if (!reset || reset.usedAt || reset.expiresAt.getTime() <= now.getTime()) throw new DomainError(INVALID_RESET);
    const [user] = await tx.select({ id: users.id, role: users.role, email: users.email, name: users.name, status: users.status }).from(users).where(eq(users.id, reset.userId)).limit(1).for("update");
    if (!user || user.status !== "active") throw new DomainError(INVALID_RESET);
    const problems = passwordProblems(password, { email: user.email, name: user.name });
    if (problems.length) throw new DomainError("Choose a stronger password.", { password: problems });
    await tx
      .update(users)
      .set({ passwordHash, sessionVersion: sql`${users.sessionVersion} + 1` })
      .where(eq(users.id, user.id));
    await cancelEmailChanges(tx, user.id);
    await tx
      .update(passwordResets)
      .set({ usedAt: now })
      .where(and(eq(passwordResets.userId, user.id), isNull(passwordResets.usedAt)));
    await writeAudit(tx, { actor: { id: user.id, role: user.role }, action: "user.password_reset", entityType: "user", entityId: user.id, after: { sessionsEnded: true }, ip });
    return user.email;
  });
  // The reset proved the mailbox: wrong passwords others typed for this account no longer hold its owner back.
  await passwordAttemptSucceeded(email, ip);
}
