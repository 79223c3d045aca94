import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/db";
import { users, type Role, type twoFactorMethods } from "@/db/schema";
import { getFactors, owesSecondStep } from "@/lib/second-factor/factors";
import { verifyPassword } from "./password";
import { countPasswordAttempt, passwordAttemptSucceeded } from "./password-attempts";

export type TwoFactorMethod = (typeof twoFactorMethods)[number];

/** twoFactor other than "none" means the password alone grants no session: a code is owed (lib/auth/two-factor.ts). */
export type AuthenticatedUser = { id: number; email: string; name: string; role: Role; sessionVersion: number; twoFactor: TwoFactorMethod };

export type AuthenticateResult =
  /** secondStep: the account has a second factor (texted code, app, passkey), so the password alone grants no session. */
  { ok: true; user: AuthenticatedUser; secondStep: boolean } | { ok: false; reason: "invalid" } | { ok: false; reason: "rate_limited"; retryAfterSeconds: number };

/**
 * Checks an email and password, and reports (user.twoFactor) whether a
 * second factor is still owed. A wrong password, an unknown email and a
 * disabled account all answer "invalid", so the answer never reveals whether
 * an account exists.
 *
 * Every attempt is counted against the account and the IP first, atomically,
 * and only then is the password checked: parallel guesses each get their own
 * count, so no more than the limit are ever checked. A right password gives
 * its count back (the account's counter starts over), so the limits count
 * failures.
 */
export async function authenticate(db: Db, email: string, password: string, ip: string): Promise<AuthenticateResult> {
  const normalized = email.trim().toLowerCase();
  const decision = await countPasswordAttempt(normalized, ip);
  if (!decision.ok) return { ok: false, reason: "rate_limited", retryAfterSeconds: decision.retryAfterSeconds };

  const [row] = await db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
      status: users.status,
      passwordHash: users.passwordHash,
      sessionVersion: users.sessionVersion,
      twoFactor: users.twoFactor,
    })
    .from(users)
    .where(eq(users.email, normalized))
    .limit(1);

  const passwordOk = await verifyPassword(row?.passwordHash, password);
  if (!row || !passwordOk || row.status !== "active") return { ok: false, reason: "invalid" };
  await passwordAttemptSucceeded(normalized, ip);
  const secondStep = owesSecondStep(await getFactors(db, row.id));
  // With two-factor sign-in this is only the first step: the sign-in is recorded when the second step is done.
  if (!secondStep) await db.update(users).set({ lastLoginAt: new Date() }).where(eq(users.id, row.id));
  return { ok: true, user: { id: row.id, email: row.email, name: row.name, role: row.role, sessionVersion: row.sessionVersion, twoFactor: row.twoFactor }, secondStep };
}
