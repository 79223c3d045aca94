import "server-only";
import { and, eq, isNull, lt, or } from "drizzle-orm";
import type { Db } from "@/db";
import { users } from "@/db/schema";
import { homeFor } from "@/lib/auth/permissions";
import { env } from "@/lib/env";
import { enqueue } from "@/lib/notify/enqueue";
import { kickOutbox } from "@/lib/notify/kick";
import { inTransaction } from "@/lib/transaction";
import { countUnusedRecoveryCodes, spendRecoveryCode } from "./recovery-codes";
import { matchTotpStep, openTotpSecret } from "./totp";

export type FactorCheck = { ok: true } | { ok: false; message: string };

export const WRONG_APP_CODE = "That code isn't right. Check the app shows this account, and that your device's clock is right.";
export const USED_APP_CODE = "That code was already used. Wait for the next one in your app.";
export const WRONG_RECOVERY_CODE = "That recovery code isn't right, or it was already used.";

/**
 * An authenticator-app code: right for a step within ±1 of now, and for a
 * step after the last one accepted. The update that records the step is the
 * check, so one code can't sign in twice, even in parallel.
 */
export async function checkTotpCode(db: Db, userId: number, code: string, now: Date): Promise<FactorCheck> {
  const [row] = await db.select({ secret: users.totpSecret, twoFactor: users.twoFactor }).from(users).where(eq(users.id, userId)).limit(1);
  if (!row?.secret || row.twoFactor !== "totp") return { ok: false, message: WRONG_APP_CODE };
  return acceptTotpStep(db, userId, openTotpSecret(userId, row.secret), code, now);
}

/** Records the code's step as used, or refuses it (wrong, or not after the last step used). */
export async function acceptTotpStep(db: Db, userId: number, secret: string, code: string, now: Date): Promise<FactorCheck> {
  const step = matchTotpStep(secret, code, now);
  if (step === null) return { ok: false, message: WRONG_APP_CODE };
  const [res] = await db
    .update(users)
    .set({ totpLastStep: step })
    .where(and(eq(users.id, userId), or(isNull(users.totpLastStep), lt(users.totpLastStep, step))));
  return res.affectedRows === 1 ? { ok: true } : { ok: false, message: USED_APP_CODE };
}

/**
 * A recovery code: spent once, and its owner is told by email, in the same
 * transaction, with how many are left.
 */
export async function checkRecoveryCode(db: Db, userId: number, code: string, now: Date): Promise<FactorCheck> {
  const ok = await inTransaction(db, async (tx) => {
    if (!(await spendRecoveryCode(tx, userId, code, now))) return false;
    const [user] = await tx.select({ email: users.email, name: users.name, role: users.role }).from(users).where(eq(users.id, userId)).limit(1);
    if (!user) return false;
    const codesLeft = await countUnusedRecoveryCodes(tx, userId);
    const base = env().APP_URL.replace(/\/$/, "");
    await enqueue(tx, {
      channel: "email",
      to: user.email,
      template: "recovery_code_used",
      data: { name: user.name, codesLeft, usedAt: now.toISOString(), securityUrl: `${base}${homeFor[user.role]}/profile`, resetUrl: `${base}/forgot-password` },
      related: { type: "user", id: userId },
      idempotencyKey: `recovery-used:${userId}:${now.getTime()}:${codesLeft}`,
    });
    return true;
  });
  if (ok) kickOutbox();
  return ok ? { ok: true } : { ok: false, message: WRONG_RECOVERY_CODE };
}
