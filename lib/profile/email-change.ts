import "server-only";
import { and, eq, gt, isNull, ne } from "drizzle-orm";
import type { Db, Tx } from "@/db";
import { clients, emailChanges, passwordResets, users } from "@/db/schema";
import { auditActor, type Actor } from "@/lib/actor";
import { writeAudit } from "@/lib/audit";
import { hashToken, newToken } from "@/lib/auth/one-time-token";
import { env } from "@/lib/env";
import { DomainError } from "@/lib/errors";
import { enqueue } from "@/lib/notify/enqueue";
import { inTransaction, isDuplicateKey } from "@/lib/transaction";

// Changing the email a person signs in with. The new address must prove it
// is theirs: the change waits for a link sent there (24 hours, once, only its
// SHA-256 stored), and the old address is told at once. The person always
// gets the same answer, whether or not the new address already has an
// account, so the form can't be used to find out which addresses do; an
// address that has one is told so in its own inbox instead of getting a link.

export const EMAIL_CHANGE_TTL_MS = 24 * 60 * 60 * 1000;
export const INVALID_EMAIL_CHANGE = "This confirmation link isn't valid any more. Links work once, for 24 hours. Change your email from your profile again to get a new one.";

const appUrl = () => env().APP_URL.replace(/\/+$/, "");

/**
 * Voids the user's unused confirmation links. Whatever ends a person's
 * sessions (a password reset or change, "sign out everywhere", an admin's
 * second-factor reset) calls it in the same transaction: the link is public
 * and needs only its token, so a change asked for by someone who had the
 * password would otherwise still take the account after the owner took it back.
 */
export async function cancelEmailChanges(tx: Tx, userId: number): Promise<void> {
  await tx.delete(emailChanges).where(and(eq(emailChanges.userId, userId), isNull(emailChanges.usedAt)));
}

/**
 * Inside the profile update's transaction, once the password was checked:
 * replaces any pending change with this one and queues the two emails.
 */
export async function requestEmailChange(tx: Tx, actor: Actor, user: { id: number; name: string; email: string }, newEmail: string, now = new Date()): Promise<void> {
  await cancelEmailChanges(tx, user.id);
  const [taken] = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.email, newEmail), ne(users.id, user.id)))
    .limit(1);
  const expiresAt = new Date(now.getTime() + EMAIL_CHANGE_TTL_MS);
  let changeId: number | null = null;
  if (taken) {
    await enqueue(tx, {
      channel: "email",
      to: newEmail,
      template: "email_change_taken",
      data: { name: user.name, signInUrl: `${appUrl()}/login` },
      related: { type: "user", id: user.id },
      idempotencyKey: `email-change-taken:${user.id}:${now.getTime()}`,
    });
  } else {
    const { token, hash } = newToken();
    const [res] = await tx.insert(emailChanges).values({ userId: user.id, newEmail, tokenHash: hash, expiresAt, createdAt: now });
    changeId = res.insertId;
    await enqueue(tx, {
      channel: "email",
      to: newEmail,
      template: "email_change_confirm",
      data: { name: user.name, newEmail, confirmUrl: `${appUrl()}/confirm-email/${token}`, expiresAt: expiresAt.toISOString() },
      related: { type: "user", id: user.id },
      idempotencyKey: `email-change:${changeId}`,
    });
  }
  await enqueue(tx, {
    channel: "email",
    to: user.email,
    template: "email_change_notice",
    data: { name: user.name, newEmail, resetUrl: `${appUrl()}/forgot-password` },
    related: { type: "user", id: user.id },
    idempotencyKey: `email-change-notice:${user.id}:${now.getTime()}`,
  });
  await writeAudit(tx, { actor: auditActor(actor), action: "user.email_change_request", entityType: "user", entityId: user.id, after: { newEmail, changeId }, ip: actor.ip });
}

/** What the confirmation page shows before the button is pressed; null for a bad link. */
export async function readEmailChange(db: Db, token: string, now = new Date()): Promise<{ newEmail: string; name: string } | null> {
  const [row] = await db
    .select({ newEmail: emailChanges.newEmail, name: users.name })
    .from(emailChanges)
    .innerJoin(users, eq(users.id, emailChanges.userId))
    .where(and(eq(emailChanges.tokenHash, hashToken(token)), isNull(emailChanges.usedAt), gt(emailChanges.expiresAt, now), eq(users.status, "active")))
    .limit(1);
  return row ?? null;
}

/**
 * The link from the new address was used: the email changes, for a portal
 * client its client record's too, in one transaction. The link works once;
 * an address taken in the meantime refuses the change.
 */
export async function confirmEmailChange(db: Db, token: string, ip: string, now = new Date()): Promise<{ email: string }> {
  try {
    return await inTransaction(db, async (tx) => {
      const [change] = await tx
        .select({ id: emailChanges.id, userId: emailChanges.userId, newEmail: emailChanges.newEmail, expiresAt: emailChanges.expiresAt, usedAt: emailChanges.usedAt })
        .from(emailChanges)
        .where(eq(emailChanges.tokenHash, hashToken(token)))
        .limit(1)
        .for("update");
      if (!change || change.usedAt || change.expiresAt.getTime() <= now.getTime()) throw new DomainError(INVALID_EMAIL_CHANGE);
      const [user] = await tx.select({ id: users.id, email: users.email, role: users.role, status: users.status }).from(users).where(eq(users.id, change.userId)).limit(1).for("update");
      if (!user || user.status !== "active") throw new DomainError(INVALID_EMAIL_CHANGE);
      await tx.update(emailChanges).set({ usedAt: now }).where(eq(emailChanges.id, change.id));
      await tx.update(users).set({ email: change.newEmail }).where(eq(users.id, user.id));
      // A reset link mailed to the old address must not outlive the move to the new one.
      await tx
        .update(passwordResets)
        .set({ usedAt: now })
        .where(and(eq(passwordResets.userId, user.id), isNull(passwordResets.usedAt)));
      if (user.role === "client") await tx.update(clients).set({ email: change.newEmail }).where(eq(clients.userId, user.id));
      await writeAudit(tx, {
        actor: { id: user.id, role: user.role },
        action: "user.email_change",
        entityType: "user",
        entityId: user.id,
        before: { email: user.email },
        after: { email: change.newEmail },
        ip,
      });
      return { email: change.newEmail };
    });
  } catch (error) {
    if (isDuplicateKey(error, "users_email_uq")) throw new DomainError("That address now belongs to another account, so your email stays as it was.");
    throw error;
  }
}
