import "server-only";
import { and, asc, eq, isNull, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { passkeys, recoveryCodes, users } from "@/db/schema";

export type PasskeyRow = { id: number; name: string; createdAt: Date; lastUsedAt: Date | null };
export type SecurityStatus = { totp: boolean; sms: boolean; passkeys: PasskeyRow[]; recoveryCodesLeft: number };

/** The signed-in user's own second factors, for the security card. Never the secret or keys. */
export async function getSecurityStatus(userId: number): Promise<SecurityStatus> {
  const db = getDb();
  const [[user], keys, [codes]] = await Promise.all([
    db.select({ twoFactor: users.twoFactor }).from(users).where(eq(users.id, userId)).limit(1),
    db
      .select({ id: passkeys.id, name: passkeys.name, createdAt: passkeys.createdAt, lastUsedAt: passkeys.lastUsedAt })
      .from(passkeys)
      .where(eq(passkeys.userId, userId))
      .orderBy(asc(passkeys.createdAt), asc(passkeys.id)),
    db
      .select({ n: sql<number>`count(*)` })
      .from(recoveryCodes)
      .where(and(eq(recoveryCodes.userId, userId), isNull(recoveryCodes.usedAt))),
  ]);
  return { totp: user?.twoFactor === "totp", sms: user?.twoFactor === "sms", passkeys: keys, recoveryCodesLeft: Number(codes?.n ?? 0) };
}
