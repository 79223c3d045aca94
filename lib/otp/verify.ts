import "server-only";
import { and, desc, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { otpCodes, type OtpPurpose } from "@/db/schema";
import { inTransaction } from "@/lib/transaction";
import { normalizeOtpInput, OTP_MAX_ATTEMPTS, otpCodeMatches } from "./code";

export type OtpCheck =
  | { ok: true; otpId: number; phone: string | null }
  /** Wrong code; attemptsLeft 0 means this code is now spent. */
  | { ok: false; reason: "invalid"; attemptsLeft: number }
  | { ok: false; reason: "expired" | "too_many" | "none" };

/**
 * Checks a code against the user's newest code for this purpose, in one
 * transaction with that row locked, so parallel guesses can't share a try.
 * A wrong code spends a try (the count is committed with the answer); after
 * five, even the right code is refused. A right code is consumed, so it
 * works once. Earlier codes were consumed when a newer one was sent.
 */
export async function verifyOtp(db: DbOrTx, input: { userId: number; purpose: OtpPurpose; code: string; now?: Date }): Promise<OtpCheck> {
  const now = input.now ?? new Date();
  const code = normalizeOtpInput(input.code);
  return inTransaction(db, async (tx) => {
    const [row] = await tx
      .select({ id: otpCodes.id, codeHash: otpCodes.codeHash, phone: otpCodes.phone, expiresAt: otpCodes.expiresAt, attempts: otpCodes.attempts, consumedAt: otpCodes.consumedAt })
      .from(otpCodes)
      .where(and(eq(otpCodes.userId, input.userId), eq(otpCodes.purpose, input.purpose)))
      .orderBy(desc(otpCodes.createdAt), desc(otpCodes.id))
      .limit(1)
      .for("update");
    if (!row || row.consumedAt) return { ok: false, reason: "none" } as const;
    if (row.expiresAt.getTime() <= now.getTime()) return { ok: false, reason: "expired" } as const;
    if (row.attempts >= OTP_MAX_ATTEMPTS) return { ok: false, reason: "too_many" } as const;
    if (!otpCodeMatches(row.codeHash, input.userId, input.purpose, code)) {
      const attempts = row.attempts + 1;
      await tx.update(otpCodes).set({ attempts }).where(eq(otpCodes.id, row.id));
      return { ok: false, reason: "invalid", attemptsLeft: OTP_MAX_ATTEMPTS - attempts } as const;
    }
    await tx
      .update(otpCodes)
      .set({ consumedAt: now, attempts: row.attempts + 1 })
      .where(eq(otpCodes.id, row.id));
    return { ok: true, otpId: row.id, phone: row.phone } as const;
  });
}

/** What to tell the person for a refused code. */
export function otpRefusalMessage(check: Exclude<OtpCheck, { ok: true }>): string {
  switch (check.reason) {
    case "invalid":
      return check.attemptsLeft > 0
        ? `That code isn't right. ${check.attemptsLeft} ${check.attemptsLeft === 1 ? "try" : "tries"} left.`
        : "That code isn't right, and it has no tries left. Send a new code.";
    case "expired":
      return "That code has expired. Send a new code.";
    case "too_many":
      return "Too many wrong tries for this code. Send a new code.";
    case "none":
      return "That code was already used or replaced by a newer one. Send a new code.";
  }
}
