import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { users } from "@/db/schema";
import { auditActor, type Actor } from "@/lib/actor";
import { writeAudit } from "@/lib/audit";
import { hashPassword, passwordProblems } from "@/lib/auth/password";
import { checkOwnPassword } from "@/lib/auth/password-attempts";
import { DomainError, NotFoundError } from "@/lib/errors";
import { inTransaction } from "@/lib/transaction";
import { cancelEmailChanges } from "./email-change";

/**
 * Changes the user's own password after checking the current one, and bumps
 * session_version so every session (this one too) ends; an email change
 * waiting for its link is voided with them. The caller signs the
 * current browser back in with the new password. Returns the email to sign in with.
 */
export async function changePassword(db: Db, actor: Actor, current: string, next: string): Promise<{ email: string }> {
  const [row] = await db.select({ email: users.email, name: users.name, passwordHash: users.passwordHash }).from(users).where(eq(users.id, actor.id)).limit(1);
  if (!row) throw new NotFoundError("Your account");
  // Counted like a sign-in attempt, before the check.
  if (!(await checkOwnPassword({ email: row.email, passwordHash: row.passwordHash, password: current, ip: actor.ip }))) {
    throw new DomainError("Your current password isn't right.", { currentPassword: ["That password isn't right"] });
  }
  const problems = passwordProblems(next, { email: row.email, name: row.name });
  if (problems.length) throw new DomainError("Choose a stronger password.", { password: problems });
  if (current === next) throw new DomainError("Choose a password you haven't been using.", { password: ["The new password is the same as the current one"] });
  const passwordHash = await hashPassword(next);
  await inTransaction(db, async (tx) => {
    await tx
      .update(users)
      .set({ passwordHash, sessionVersion: sql`${users.sessionVersion} + 1` })
      .where(eq(users.id, actor.id));
    await cancelEmailChanges(tx, actor.id);
    await writeAudit(tx, { actor: auditActor(actor), action: "user.password_change", entityType: "user", entityId: actor.id, after: { sessionsEnded: true }, ip: actor.ip });
  });
  return { email: row.email };
}
