import "server-only";
import { createHash } from "node:crypto";
import { and, eq, gt, isNull, lt } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { webauthnChallenges, type WebauthnPurpose } from "@/db/schema";

// The random challenges handed to the browser, kept server-side as hashes
// and used at most once, within five minutes, for the purpose (and user) they
// were made for.
export const CHALLENGE_TTL_MS = 5 * 60_000;

const hash = (challenge: string) => createHash("sha256").update(challenge).digest("hex");

export async function storeChallenge(db: DbOrTx, input: { challenge: string; purpose: WebauthnPurpose; userId: number | null; now: Date }): Promise<void> {
  // Expired challenges are worthless: sweep them as new ones arrive.
  await db.delete(webauthnChallenges).where(lt(webauthnChallenges.expiresAt, new Date(input.now.getTime() - CHALLENGE_TTL_MS)));
  await db.insert(webauthnChallenges).values({
    challengeHash: hash(input.challenge),
    purpose: input.purpose,
    userId: input.userId,
    expiresAt: new Date(input.now.getTime() + CHALLENGE_TTL_MS),
    createdAt: input.now,
  });
}

/** Spends the challenge: true once, for a live challenge of this purpose and user; false ever after. */
export async function takeChallenge(db: DbOrTx, input: { challenge: string; purpose: WebauthnPurpose; userId: number | null; now: Date }): Promise<boolean> {
  const [res] = await db
    .update(webauthnChallenges)
    .set({ usedAt: input.now })
    .where(
      and(
        eq(webauthnChallenges.challengeHash, hash(input.challenge)),
        eq(webauthnChallenges.purpose, input.purpose),
        input.userId === null ? isNull(webauthnChallenges.userId) : eq(webauthnChallenges.userId, input.userId),
        isNull(webauthnChallenges.usedAt),
        gt(webauthnChallenges.expiresAt, input.now),
      ),
    );
  return res.affectedRows === 1;
}

/** The challenge a browser signed, read from its clientDataJSON; null when it holds none. */
export function challengeOf(clientDataJSON: unknown): string | null {
  if (typeof clientDataJSON !== "string" || clientDataJSON.length > 4096) return null;
  try {
    const data = JSON.parse(Buffer.from(clientDataJSON, "base64url").toString("utf8")) as { challenge?: unknown };
    return typeof data.challenge === "string" && data.challenge.length <= 256 ? data.challenge : null;
  } catch {
    return null;
  }
}
