import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/db";
import { users, type Role, type twoFactorMethods } from "@/db/schema";
import { verifyPassword } from "./password";
import { clearLimit, hitLimit, limitedFor } from "./rate-limit";
import { loginLimits } from "./login-limits";

export type TwoFactorMethod = (typeof twoFactorMethods)[number];

/** twoFactor other than "none" means the password alone grants no session: a code is owed (lib/auth/two-factor.ts). */
export type AuthenticatedUser = { id: number; email: string; name: string; role: Role; sessionVersion: number; twoFactor: TwoFactorMethod };

export type AuthenticateResult =
  | { ok: true; user: AuthenticatedUser }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "rate_limited"; retryAfterSeconds: number };

/**
 * Checks an email and password, and reports (user.twoFactor) whether a
 * second factor is still owed. A wrong password, an unknown email and a
 * disabled account all answer "invalid", so the answer never reveals whether
 * an account exists. Failures count against the account and the IP.
 */
export async function authenticate(db: Db, email: string, password: string, ip: string): Promise<AuthenticateResult> {
  const normalized = email.trim().toLowerCase();
  const limits = loginLimits(normalized, ip);
  const wait = await limitedFor(db, limits);
  if (wait > 0) return { ok: false, reason: "rate_limited", retryAfterSeconds: wait };

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
  if (!row || !passwordOk || row.status !== "active") {
    for (const limit of limits) await hitLimit(db, limit);
    return { ok: false, reason: "invalid" };
  }
  await clearLimit(db, limits[0]!.bucket);
  // With two-factor sign-in this is only the first step: the sign-in is recorded when the code is right.
  if (row.twoFactor === "none") await db.update(users).set({ lastLoginAt: new Date() }).where(eq(users.id, row.id));
  return { ok: true, user: { id: row.id, email: row.email, name: row.name, role: row.role, sessionVersion: row.sessionVersion, twoFactor: row.twoFactor } };
}
