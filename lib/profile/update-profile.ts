import "server-only";
import { and, eq, ne } from "drizzle-orm";
import type { Db } from "@/db";
import { clients, users } from "@/db/schema";
import { auditActor, changes, type Actor } from "@/lib/actor";
import { writeAudit } from "@/lib/audit";
import { checkOwnPassword } from "@/lib/auth/password-attempts";
import { DomainError, NotFoundError } from "@/lib/errors";

type ProfileInput = { name: string; email: string; phone: string | null; currentPassword: string };

/** A user edits their own name, email and phone. A new email needs the current password. */
export async function updateProfile(db: Db, actor: Actor, input: ProfileInput): Promise<{ emailChanged: boolean }> {
  const [row] = await db.select({ email: users.email, passwordHash: users.passwordHash }).from(users).where(eq(users.id, actor.id)).limit(1);
  if (!row) throw new NotFoundError("Your account");
  const emailChanged = row.email !== input.email;
  if (emailChanged) {
    if (!input.currentPassword) throw new DomainError("Enter your current password to change your email.", { currentPassword: ["Needed to change your email"] });
    if (!(await checkOwnPassword({ email: row.email, passwordHash: row.passwordHash, password: input.currentPassword, ip: actor.ip }))) {
      throw new DomainError("That password isn't right.", { currentPassword: ["That password isn't right"] });
    }
  }
  return db.transaction(async (tx) => {
    const [locked] = await tx.select({ name: users.name, email: users.email, phone: users.phone, twoFactor: users.twoFactor }).from(users).where(eq(users.id, actor.id)).limit(1).for("update");
    if (!locked) throw new NotFoundError("Your account");
    const { twoFactor, ...before } = locked;
    // Sign-in codes go to this number; a new one is set (and verified) from the two-step sign-in card.
    if (twoFactor !== "none" && before.phone !== input.phone) {
      throw new DomainError("Your sign-in codes go to this number. To use another one, turn two-step sign-in off and on again with the new number.", { phone: ["Change it under Two-step sign-in"] });
    }
    if (emailChanged) {
      const [taken] = await tx.select({ id: users.id }).from(users).where(and(eq(users.email, input.email), ne(users.id, actor.id))).limit(1);
      if (taken) throw new DomainError("That email belongs to another account.", { email: ["That email belongs to another account"] });
    }
    const next = { name: input.name, email: input.email, phone: input.phone };
    const diff = changes(before, next);
    if (!diff) return { emailChanged: false };
    // A new phone number is not verified yet.
    await tx
      .update(users)
      .set({ ...next, ...(before.phone !== input.phone ? { phoneVerifiedAt: null } : {}) })
      .where(eq(users.id, actor.id));
    // A portal client's contact details are its client record's too (invoices and receipts go there).
    if (actor.role === "client") await tx.update(clients).set(next).where(eq(clients.userId, actor.id));
    await writeAudit(tx, { actor: auditActor(actor), action: "user.profile_update", entityType: "user", entityId: actor.id, ...diff, ip: actor.ip });
    return { emailChanged };
  });
}
