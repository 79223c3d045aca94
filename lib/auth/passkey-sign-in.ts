import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/db";
import { users } from "@/db/schema";
import { now as clockNow } from "@/lib/clock";
import { consume, waitText } from "@/lib/limits/limiter";
import { limits } from "@/lib/limits/rules";
import { verifyPasskeyAssertion } from "@/lib/passkeys/authenticate";
import { countSecondFactorAttempt, secondFactorSucceeded } from "@/lib/second-factor/attempts";
import type { AuthenticatedUser } from "./authenticate";

export type PasskeySignIn = { ok: true; user: AuthenticatedUser } | { ok: false; message: string };

/**
 * Sign-in with a passkey alone. The passkey is both factors (something held,
 * unlocked by the person's PIN or biometrics), so no password or second step
 * follows. Attempts count against the second-factor limits: per IP before the
 * check, and per account once the passkey names one.
 */
export async function signInWithPasskeyAssertion(db: Db, response: string, ip: string, now: Date = clockNow()): Promise<PasskeySignIn> {
  const byIp = await consume({ rule: limits.secondFactorIp, key: ip });
  if (!byIp.ok) return { ok: false, message: `Too many tries. Wait ${waitText(byIp.retryAfterSeconds)} and try again.` };
  const assertion = await verifyPasskeyAssertion(db, { response, purpose: "sign_in", now });
  if (!assertion.ok) return assertion;
  const refused = await countSecondFactorAttempt(assertion.userId, ip);
  if (refused) return { ok: false, message: refused };
  const [row] = await db
    .select({ id: users.id, email: users.email, name: users.name, role: users.role, status: users.status, sessionVersion: users.sessionVersion, twoFactor: users.twoFactor })
    .from(users)
    .where(eq(users.id, assertion.userId))
    .limit(1);
  if (!row || row.status !== "active") return { ok: false, message: "This account can't sign in. Contact us if you think that's wrong." };
  await secondFactorSucceeded(row.id);
  await db.update(users).set({ lastLoginAt: now }).where(eq(users.id, row.id));
  return { ok: true, user: { id: row.id, email: row.email, name: row.name, role: row.role, sessionVersion: row.sessionVersion, twoFactor: row.twoFactor } };
}
