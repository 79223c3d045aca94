import "server-only";
import { and, eq, isNull, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { passkeys, recoveryCodes, users } from "@/db/schema";

/** The second factors an account has. */
export type Factors = { sms: boolean; totp: boolean; passkeys: number; recoveryCodes: number };

export async function getFactors(db: DbOrTx, userId: number): Promise<Factors> {
  const [[row], [keys], [codes]] = await Promise.all([
    db.select({ twoFactor: users.twoFactor }).from(users).where(eq(users.id, userId)).limit(1),
    db
      .select({ n: sql<number>`count(*)` })
      .from(passkeys)
      .where(eq(passkeys.userId, userId)),
    db
      .select({ n: sql<number>`count(*)` })
      .from(recoveryCodes)
      .where(and(eq(recoveryCodes.userId, userId), isNull(recoveryCodes.usedAt))),
  ]);
  if (!row) return { sms: false, totp: false, passkeys: 0, recoveryCodes: 0 };
  return { sms: row.twoFactor === "sms", totp: row.twoFactor === "totp", passkeys: Number(keys?.n ?? 0), recoveryCodes: Number(codes?.n ?? 0) };
}

/** An authenticator app or a passkey: what the back-office policy asks for. */
export const hasStrongFactor = (f: Pick<Factors, "totp" | "passkeys">) => f.totp || f.passkeys > 0;

/** Any factor at all means a password alone signs nobody in. */
export const owesSecondStep = (f: Pick<Factors, "sms" | "totp" | "passkeys">) => f.sms || hasStrongFactor(f);
