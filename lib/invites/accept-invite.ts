import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/db";
import { staffInvites, users } from "@/db/schema";
import { writeAudit } from "@/lib/audit";
import { hashToken } from "@/lib/auth/one-time-token";
import { hashPassword, passwordProblems } from "@/lib/auth/password";
import { DomainError } from "@/lib/errors";
import { INVALID_LINK } from "./decide-invite";
import { inTransaction } from "@/lib/transaction";

/**
 * The invitee sets a password from the emailed link. That creates an active
 * staff account. The link works once and only within 72 hours.
 */
export async function acceptInvite(db: Db, token: string, password: string, ip: string | null, now = new Date()): Promise<{ userId: number; email: string }> {
  // The invitee's own email and name make a weak password, as on every other password form.
  const [invitee] = await db
    .select({ email: staffInvites.email, name: staffInvites.name })
    .from(staffInvites)
    .where(eq(staffInvites.acceptTokenHash, hashToken(token)))
    .limit(1);
  const problems = passwordProblems(password, invitee ?? {});
  if (problems.length) throw new DomainError("Choose a stronger password.", { password: problems });
  // Hash outside the transaction: argon2 takes a moment and locks should not.
  const passwordHash = await hashPassword(password);
  return inTransaction(db, async (tx) => {
    const [invite] = await tx
      .select({ id: staffInvites.id, email: staffInvites.email, name: staffInvites.name, status: staffInvites.status, expiresAt: staffInvites.expiresAt })
      .from(staffInvites)
      .where(eq(staffInvites.acceptTokenHash, hashToken(token)))
      .limit(1)
      .for("update");
    if (!invite) throw new DomainError(INVALID_LINK);
    if (invite.status === "accepted") throw new DomainError("This invite was already used. Sign in with the password you chose.");
    if (invite.status !== "approved") throw new DomainError(INVALID_LINK);
    if (!invite.expiresAt || invite.expiresAt.getTime() <= now.getTime()) throw new DomainError("This invite expired. Ask an admin to invite you again.");
    const [taken] = await tx.select({ id: users.id }).from(users).where(eq(users.email, invite.email)).limit(1);
    if (taken) throw new DomainError("Someone already has an account with this email. Sign in instead.");

    const [res] = await tx.insert(users).values({ email: invite.email, name: invite.name, role: "staff", status: "active", passwordHash });
    const userId = res.insertId;
    await tx.update(staffInvites).set({ status: "accepted", acceptedAt: now, acceptedUserId: userId }).where(eq(staffInvites.id, invite.id));
    const actor = { id: userId, role: "staff" as const };
    await writeAudit(tx, { actor, action: "staff_invite.accept", entityType: "staff_invite", entityId: invite.id, before: { status: "approved" }, after: { status: "accepted", userId }, ip });
    await writeAudit(tx, { actor, action: "user.create", entityType: "user", entityId: userId, after: { email: invite.email, name: invite.name, role: "staff", via: "invite" }, ip });
    return { userId, email: invite.email };
  });
}
