import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { users } from "@/db/schema";
import { DomainError } from "@/lib/errors";
import { OtpThrottledError } from "@/lib/otp/errors";
import { sendOtp, type SentOtp } from "@/lib/otp/send";
import { otpRefusalMessage, verifyOtp } from "@/lib/otp/verify";
import { now as clockNow } from "@/lib/clock";
import { verifyPasskeyAssertion } from "@/lib/passkeys/authenticate";
import { countSecondFactorAttempt, secondFactorSucceeded } from "@/lib/second-factor/attempts";
import { checkRecoveryCode, checkTotpCode, type FactorCheck } from "@/lib/second-factor/check";
import { getFactors, owesSecondStep, type Factors } from "@/lib/second-factor/factors";
import { safeCallback } from "@/lib/validation/auth";
import type { AuthenticatedUser } from "./authenticate";
import { readToken, signToken } from "./signed-token";

// A pending two-factor sign-in: the password was right, the second factor is
// still owed. It lives in a signed, HttpOnly cookie (two-factor-cookie.ts) and
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
 * Step one, after authenticate() accepted the password of a user who owes a
 * second step: texts a code when the account signs in by SMS, and returns the
 * signed challenge for the cookie. A code sent moments ago (the password
 * submitted twice) still works, so the cooldown doesn't block this step; the
 * send limits do. Other factors (app, passkey, recovery code) need nothing sent.
 */
export async function startLoginChallenge(db: Db, input: { userId: number; ip: string; callbackUrl: string }): Promise<{ token: string }> {
  const user = await loadChallengeUser(db, input.userId);
  if (!user || user.status !== "active") throw new DomainError(CHALLENGE_EXPIRED);
  if (user.twoFactor === "sms") {
    if (!user.phone) throw new DomainError("This account signs in with a code by text message but has no phone number. Contact us to reset two-step sign-in.");
    try {
      await sendOtp(db, { userId: user.id, purpose: "login", phone: user.phone, ip: input.ip });
    } catch (error) {
      if (!(error instanceof OtpThrottledError && error.kind === "cooldown")) throw error;
    }
  }
  return { token: signToken(CHALLENGE_PURPOSE, { uid: user.id, sv: user.sessionVersion, cb: safeCallback(input.callbackUrl) } satisfies ChallengePayload, CHALLENGE_TTL_SECONDS) };
}

/**
 * The user a challenge stands for and the factors they may answer with, or
 * null when it is forged, expired, or no longer matches the account
 * (disabled, password changed, every factor removed).
 */
export async function readLoginChallenge(db: Db, token: string | null | undefined): Promise<{ user: ChallengeUser; factors: Factors; callbackUrl: string } | null> {
  const payload = readToken<ChallengePayload>(CHALLENGE_PURPOSE, token);
  if (!payload || typeof payload.uid !== "number") return null;
  const row = await loadChallengeUser(db, payload.uid);
  if (!row || row.status !== "active" || row.sessionVersion !== payload.sv) return null;
  const factors = await getFactors(db, row.id);
  if (!owesSecondStep(factors)) return null;
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
  return { user, factors, callbackUrl: safeCallback(payload.cb) };
}

export type SecondFactor = "sms" | "totp" | "recovery" | "passkey";
export const secondFactors = ["sms", "totp", "recovery", "passkey"] as const satisfies readonly SecondFactor[];

export type CompleteChallengeResult = { ok: true; user: AuthenticatedUser } | { ok: false; reason: "challenge" } | { ok: false; reason: "code"; message: string };

/**
 * Step two: a valid challenge and a right answer from one of the account's
 * factors. Every attempt, whatever the factor, is counted first against the
 * second-factor limits (per account and per IP). A texted code proves the
 * phone too, so a number that was never verified (a new sign-up) is verified now.
 */
export async function completeLoginChallenge(db: Db, token: string, answer: { factor: SecondFactor; code: string; ip: string }, now: Date = clockNow()): Promise<CompleteChallengeResult> {
  const challenge = await readLoginChallenge(db, token);
  if (!challenge) return { ok: false, reason: "challenge" };
  const { user, factors } = challenge;
  const available = answer.factor === "sms" ? factors.sms : answer.factor === "totp" ? factors.totp : answer.factor === "passkey" ? factors.passkeys > 0 : factors.recoveryCodes > 0;
  if (!available) return { ok: false, reason: "code", message: "That way of signing in isn't set up on this account." };
  const refused = await countSecondFactorAttempt(user.id, answer.ip);
  if (refused) return { ok: false, reason: "code", message: refused };

  const check = await checkFactor(db, user.id, answer, now);
  if (!check.ok) return { ok: false, reason: "code", message: check.message };
  await secondFactorSucceeded(user.id);
  await db
    .update(users)
    .set(answer.factor === "sms" ? { lastLoginAt: now, phoneVerifiedAt: sql`coalesce(${users.phoneVerifiedAt}, ${now})` } : { lastLoginAt: now })
    .where(eq(users.id, user.id));
  const { id, email, name, role, sessionVersion, twoFactor } = user;
  return { ok: true, user: { id, email, name, role, sessionVersion, twoFactor } };
}

async function checkFactor(db: Db, userId: number, answer: { factor: SecondFactor; code: string }, now: Date): Promise<FactorCheck> {
  switch (answer.factor) {
    case "sms": {
      const check = await verifyOtp(db, { userId, purpose: "login", code: answer.code, now });
      return check.ok ? { ok: true } : { ok: false, message: otpRefusalMessage(check) };
    }
    case "totp":
      return checkTotpCode(db, userId, answer.code, now);
    case "recovery":
      return checkRecoveryCode(db, userId, answer.code, now);
    case "passkey": {
      const result = await verifyPasskeyAssertion(db, { response: answer.code, purpose: "second_step", userId, now });
      return result.ok ? { ok: true } : { ok: false, message: result.message };
    }
  }
}

/** "Send a new code" on the code page: the cooldown and the send limits apply. */
export async function resendLoginCode(db: Db, token: string | null | undefined, ip: string): Promise<SentOtp> {
  const challenge = await readLoginChallenge(db, token);
  if (!challenge?.user.phone || !challenge.factors.sms) throw new DomainError(CHALLENGE_EXPIRED);
  return sendOtp(db, { userId: challenge.user.id, purpose: "login", phone: challenge.user.phone, ip });
}
