import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { and, eq, isNull, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { recoveryCodes } from "@/db/schema";
import { getFactors, owesSecondStep } from "./factors";

// Ten single-use codes for when the app or passkey is lost. Each is 10
// characters from a 32-letter alphabet (50 random bits), shown once as
// "xxxxx-xxxxx". A plain SHA-256 is enough for that much entropy, and the
// limits on second-factor attempts stop online guessing.
export const RECOVERY_CODE_COUNT = 10;
const ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"; // no 0/o, 1/l/i
const LENGTH = 10;

export function generateRecoveryCode(): string {
  let out = "";
  const bytes = randomBytes(LENGTH * 2);
  for (let i = 0; out.length < LENGTH && i < bytes.length; i++) {
    const b = bytes[i]!;
    // Rejection sampling keeps every letter equally likely.
    if (b < 256 - (256 % ALPHABET.length)) out += ALPHABET[b % ALPHABET.length];
  }
  if (out.length < LENGTH) return generateRecoveryCode();
  return `${out.slice(0, 5)}-${out.slice(5)}`;
}

/** What people type: case, spaces and dashes don't matter. */
export function normalizeRecoveryCode(input: string): string {
  return input.toLowerCase().replace(/[\s-]/g, "");
}

export function hashRecoveryCode(code: string): string {
  return createHash("sha256")
    .update(`recovery:v1:${normalizeRecoveryCode(code)}`)
    .digest("hex");
}

/** A new set, replacing (and so invalidating) every earlier code of the user. Returns the codes to show once. */
export async function replaceRecoveryCodes(tx: DbOrTx, userId: number, now: Date): Promise<string[]> {
  await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, generateRecoveryCode);
  await tx.insert(recoveryCodes).values(codes.map((code) => ({ userId, codeHash: hashRecoveryCode(code), createdAt: now })));
  return codes;
}

export async function deleteRecoveryCodes(tx: DbOrTx, userId: number): Promise<void> {
  await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
}

/**
 * Marks the code used if it is one of the user's unused codes. The update is
 * the check, so two requests with one code can't both succeed.
 */
export async function spendRecoveryCode(tx: DbOrTx, userId: number, code: string, now: Date): Promise<boolean> {
  if (!/^[a-z0-9]{10}$/.test(normalizeRecoveryCode(code))) return false;
  const [res] = await tx
    .update(recoveryCodes)
    .set({ usedAt: now })
    .where(and(eq(recoveryCodes.userId, userId), eq(recoveryCodes.codeHash, hashRecoveryCode(code)), isNull(recoveryCodes.usedAt)));
  return res.affectedRows === 1;
}

export async function countUnusedRecoveryCodes(db: DbOrTx, userId: number): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)` })
    .from(recoveryCodes)
    .where(and(eq(recoveryCodes.userId, userId), isNull(recoveryCodes.usedAt)));
  return Number(row?.n ?? 0);
}

/** Recovery codes stand in for a factor: with none left on the account, they go too. */
export async function dropRecoveryCodesIfNoFactor(tx: DbOrTx, userId: number): Promise<void> {
  if (!owesSecondStep(await getFactors(tx, userId))) await deleteRecoveryCodes(tx, userId);
}
