import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { users } from "@/db/schema";
import { DomainError } from "@/lib/errors";
import { OtpThrottledError } from "@/lib/otp/errors";
import { sendOtp, type SentOtp } from "@/lib/otp/send";
import { verifyOtp, type OtpCheck } from "@/lib/otp/verify";
import { safeCallback } from "@/lib/validation/auth";
import type { AuthenticatedUser } from "./authenticate";
import { readToken, signToken } from "./signed-token";

// A pending two-factor sign-in: the password was right, the code is still
// owed. It lives in a signed, HttpOnly cookie (two-factor-cookie.ts) and
// grants nothing by itself: only the "otp" provider turns it plus a right code
// into a session.
const CHALLENGE_PURPOSE = "2fa-login";
export const CHALLENGE_TTL_SECONDS = 10 * 60;
export const CHALLENGE_EXPIRED = "Your sign-in timed out. Enter your email and password again.";

type ChallengePayload = { uid: number; sv: number; cb: string };

export type ChallengeUser = AuthenticatedUser & { phone: string | null; phoneVerified: boolean };

async function loadChallengeUser(db: Db, userId: number) {
  const [row] = await db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
      status: users.status,
      sessionVersion: users.sessionVersion,
      twoFactor: users.twoFactor,
      phone: users.phone,
      phoneVerifiedAt: users.phoneVerifiedAt,
    })
    .from(users)
    .where(eq(users.id, userId))
    .limit(1);
  return row ?? null;
}

/**
 * Step one, after authenticate() accepted the password of a user with
 * two-factor sign-in: texts a code and returns the signed challenge for the
 * cookie. A code sent moments ago (the password submitted twice) still works,
 * so the cooldown doesn't block this step; the send limits do.
 */
export async function startLoginChallenge(db: Db, input: { userId: number; ip: string; callbackUrl: string }): Promise<{ token: string }> {
  const user = await loadChallengeUser(db, input.userId);
  if (!user || user.status !== "active") throw new DomainError(CHALLENGE_EXPIRED);
  if (!user.phone) throw new DomainError("This account signs in with a code by text message but has no phone number. Contact us to reset two-step sign-in.");
  try {
    await sendOtp(db, { userId: user.id, purpose: "login", phone: user.phone, ip: input.ip });
  } catch (error) {
    if (!(error instanceof OtpThrottledError && error.kind === "cooldown")) throw error;
  }
  return { token: signToken(CHALLENGE_PURPOSE, { uid: user.id, sv: user.sessionVersion, cb: safeCallback(input.callbackUrl) } satisfies ChallengePayload, CHALLENGE_TTL_SECONDS) };
}

/**
 * The user a challenge stands for, or null when it is forged, expired, or no
 * longer matches the account (disabled, password changed, two-factor off).
 */
export async function readLoginChallenge(db: Db, token: string | null | undefined): Promise<{ user: ChallengeUser; callbackUrl: string } | null> {
  const payload = readToken<ChallengePayload>(CHALLENGE_PURPOSE, token);
  if (!payload || typeof payload.uid !== "number") return null;
  const row = await loadChallengeUser(db, payload.uid);
  if (!row || row.status !== "active" || row.sessionVersion !== payload.sv || row.twoFactor === "none") return null;
  const user: ChallengeUser = {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    sessionVersion: row.sessionVersion,
    twoFactor: row.twoFactor,
    phone: row.phone,
    phoneVerified: row.phoneVerifiedAt !== null,
  };
  // Checked again on the way out: a challenge signed before a stricter rule must not redirect by the old one.
  return { user, callbackUrl: safeCallback(payload.cb) };
}

export type CompleteChallengeResult =
  | { ok: true; user: AuthenticatedUser }
  | { ok: false; reason: "challenge" }
  | { ok: false; reason: "code"; check: Exclude<OtpCheck, { ok: true }> };

/**
 * Step two: a valid challenge and the right, unexpired, unused code. The
 * code proves the phone too, so a number that was never verified (a new
 * sign-up) is verified now.
 */
export async function completeLoginChallenge(db: Db, token: string, code: string, now = new Date()): Promise<CompleteChallengeResult> {
  const challenge = await readLoginChallenge(db, token);
  if (!challenge) return { ok: false, reason: "challenge" };
  const check = await verifyOtp(db, { userId: challenge.user.id, purpose: "login", code, now });
  if (!check.ok) return { ok: false, reason: "code", check };
  await db
    .update(users)
    .set({ lastLoginAt: now, phoneVerifiedAt: sql`coalesce(${users.phoneVerifiedAt}, ${now})` })
    .where(eq(users.id, challenge.user.id));
  const { id, email, name, role, sessionVersion, twoFactor } = challenge.user;
  return { ok: true, user: { id, email, name, role, sessionVersion, twoFactor } };
}

/** "Send a new code" on the code page: the cooldown and the send limits apply. */
export async function resendLoginCode(db: Db, token: string | null | undefined, ip: string): Promise<SentOtp> {
  const challenge = await readLoginChallenge(db, token);
  if (!challenge?.user.phone) throw new DomainError(CHALLENGE_EXPIRED);
  return sendOtp(db, { userId: challenge.user.id, purpose: "login", phone: challenge.user.phone, ip });
}
