import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/db";
import { clients, users } from "@/db/schema";
import { readSettings } from "@/db/queries/settings";
import { writeAudit } from "@/lib/audit";
import { verifyPassword } from "@/lib/auth/password";
import { countPasswordAttempt, passwordAttemptSucceeded, tooManyPasswords } from "@/lib/auth/password-attempts";
import { DomainError } from "@/lib/errors";
import { applyClientChange } from "@/lib/rollups/clients";
import { isDuplicateKey, inTransaction } from "@/lib/transaction";
import { openSignup } from "./token";

export const INVALID_SIGNUP_LINK = "This sign-up link isn't valid any more. Links work for 24 hours. Sign up again to get a new one.";
export const ALREADY_SET_UP = "This account is already set up. Sign in with your email and password.";

/**
 * Step two of sign-up, from the emailed link: the link proves the address,
 * the password proves it's the same person who filled the form. Creates the
 * client user and its clients row in one transaction. With SMS two-factor
 * chosen, the phone is not verified yet: the first sign-in's code does that,
 * and no session exists before it.
 */
export async function completeSignup(db: Db, token: string, password: string, ip: string): Promise<{ userId: number; clientId: number; email: string; twoFactor: "none" | "sms" }> {
  const signup = openSignup(token);
  if (!signup) throw new DomainError(INVALID_SIGNUP_LINK);
  // Wrong guesses count against the same limits as sign-in attempts.
  const decision = await countPasswordAttempt(signup.email, ip);
  if (!decision.ok) throw tooManyPasswords(decision.retryAfterSeconds);
  if (!(await verifyPassword(signup.passwordHash, password))) {
    throw new DomainError("That isn't the password you chose when you signed up.", { password: ["Enter the password you chose on the sign-up form"] });
  }
  await passwordAttemptSucceeded(signup.email, ip);
  try {
    return await inTransaction(db, async (tx) => {
      const [taken] = await tx.select({ id: users.id }).from(users).where(eq(users.email, signup.email)).limit(1);
      if (taken) throw new DomainError(ALREADY_SET_UP);
      const [user] = await tx.insert(users).values({
        email: signup.email,
        name: signup.name,
        phone: signup.phone,
        role: "client",
        status: "active",
        passwordHash: signup.passwordHash,
        twoFactor: signup.twoFactor,
      });
      const userId = user.insertId;
      // A client who signs up bills in the business's currency until staff change it.
      const { defaultCurrency: currency } = await readSettings(tx);
      const [client] = await tx.insert(clients).values({ name: signup.name, email: signup.email, phone: signup.phone, smsOptIn: signup.smsOptIn, currency, userId });
      const clientId = client.insertId;
      await applyClientChange(tx, clientId, "create");
      const actor = { id: userId, role: "client" as const };
      await writeAudit(tx, { actor, action: "user.signup", entityType: "user", entityId: userId, after: { email: signup.email, role: "client", twoFactor: signup.twoFactor }, ip });
      await writeAudit(tx, {
        actor,
        action: "client.signup",
        entityType: "client",
        entityId: clientId,
        after: { name: signup.name, email: signup.email, phone: signup.phone, smsOptIn: signup.smsOptIn, currency, userId },
        ip,
      });
      return { userId, clientId, email: signup.email, twoFactor: signup.twoFactor };
    });
  } catch (error) {
    // The same link clicked twice at once: the unique email index lets one through.
    if (isDuplicateKey(error)) throw new DomainError(ALREADY_SET_UP);
    throw error;
  }
}
