import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/db";
import { users, type Role } from "@/db/schema";
import { verifyPassword } from "./password";
import { clearLimit, hitLimit, limitedFor } from "./rate-limit";
import { loginLimits } from "./login-limits";

export type AuthenticatedUser = { id: number; email: string; name: string; role: Role; sessionVersion: number };

export type AuthenticateResult =
  | { ok: true; user: AuthenticatedUser }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "rate_limited"; retryAfterSeconds: number };

/**
 * Checks an email and password. A wrong password, an unknown email and a
 * disabled account all answer "invalid", so the answer never reveals whether
 * an account exists. Failures count against the account and the IP.
 */
export async function authenticate(db: Db, email: string, password: string, ip: string): Promise<AuthenticateResult> {
  const normalized = email.trim().toLowerCase();
  const limits = loginLimits(normalized, ip);
  const wait = await limitedFor(db, limits);
  if (wait > 0) return { ok: false, reason: "rate_limited", retryAfterSeconds: wait };

  const [row] = await db
    .select({ id: users.id, email: users.email, name: users.name, role: users.role, status: users.status, passwordHash: users.passwordHash, sessionVersion: users.sessionVersion })
    .from(users)
    .where(eq(users.email, normalized))
    .limit(1);

  const passwordOk = await verifyPassword(row?.passwordHash, password);
  if (!row || !passwordOk || row.status !== "active") {
    for (const limit of limits) await hitLimit(db, limit);
    return { ok: false, reason: "invalid" };
  }
  await clearLimit(db, limits[0]!.bucket);
  await db.update(users).set({ lastLoginAt: new Date() }).where(eq(users.id, row.id));
  return { ok: true, user: { id: row.id, email: row.email, name: row.name, role: row.role, sessionVersion: row.sessionVersion } };
}
