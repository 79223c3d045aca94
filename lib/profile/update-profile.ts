import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/db";
import { clients, users } from "@/db/schema";
import { auditActor, changes, type Actor } from "@/lib/actor";
import { writeAudit } from "@/lib/audit";
import { checkOwnPassword } from "@/lib/auth/password-attempts";
import { storedNumberTextsError } from "@/lib/phone-texts";
import { DomainError, NotFoundError } from "@/lib/errors";
import { kickOutbox } from "@/lib/notify/kick";
import { inTransaction } from "@/lib/transaction";
import { requestEmailChange } from "./email-change";

type ProfileInput = { name: string; email: string; phone: string | null; currentPassword: string };

/**
 * A user edits their own name, email and phone. Name and phone change at
 * once; a new email needs the current password and then waits for the link
 * sent to it (lib/profile/email-change.ts). The answer is the same whether or
 * not the new address has an account elsewhere.
 */
export async function updateProfile(db: Db, actor: Actor, input: ProfileInput): Promise<{ emailChangeSentTo: string | null }> {
  const [row] = await db.select({ email: users.email, passwordHash: users.passwordHash }).from(users).where(eq(users.id, actor.id)).limit(1);
  if (!row) throw new NotFoundError("Your account");
  const emailChanged = row.email !== input.email;
  if (emailChanged) {
    if (!input.currentPassword) throw new DomainError("Enter your current password to change your email.", { currentPassword: ["Needed to change your email"] });
    if (!(await checkOwnPassword({ email: row.email, passwordHash: row.passwordHash, password: input.currentPassword, ip: actor.ip }))) {
      throw new DomainError("That password isn't right.", { currentPassword: ["That password isn't right"] });
    }
  }
  const result = await inTransaction(db, async (tx) => {
    const [locked] = await tx.select({ name: users.name, email: users.email, phone: users.phone, twoFactor: users.twoFactor }).from(users).where(eq(users.id, actor.id)).limit(1).for("update");
    if (!locked) throw new NotFoundError("Your account");
    const { twoFactor, email: currentEmail, ...before } = locked;
    // Sign-in codes go to this number; a new one is set (and verified) from the two-step sign-in card.
    if (twoFactor !== "none" && before.phone !== input.phone) {
      throw new DomainError("Your sign-in codes go to this number. To use another one, turn two-step sign-in off and on again with the new number.", { phone: ["Change it under Two-step sign-in"] });
    }
    // A client who gets texts from us (receipts, reminders) keeps a number that can take them.
    if (actor.role === "client" && input.phone && before.phone !== input.phone) {
      const [client] = await tx.select({ smsOptIn: clients.smsOptIn }).from(clients).where(eq(clients.userId, actor.id)).limit(1);
      const cannotText = client?.smsOptIn ? storedNumberTextsError(input.phone) : null;
      if (cannotText) throw new DomainError("You get texts from us at this number, so it must be a mobile number.", { phone: [cannotText] });
    }
    const next = { name: input.name, phone: input.phone };
    const diff = changes(before, next);
    if (diff) {
      // A new phone number is not verified yet.
      await tx
        .update(users)
        .set({ ...next, ...(before.phone !== input.phone ? { phoneVerifiedAt: null } : {}) })
        .where(eq(users.id, actor.id));
      // A portal client's contact details are its client record's too (invoices and receipts go there).
      if (actor.role === "client") await tx.update(clients).set(next).where(eq(clients.userId, actor.id));
      await writeAudit(tx, { actor: auditActor(actor), action: "user.profile_update", entityType: "user", entityId: actor.id, ...diff, ip: actor.ip });
    }
    if (currentEmail === input.email) return { emailChangeSentTo: null };
    await requestEmailChange(tx, actor, { id: actor.id, name: input.name, email: currentEmail }, input.email);
    return { emailChangeSentTo: input.email };
  });
  if (result.emailChangeSentTo) kickOutbox();
  return result;
}
