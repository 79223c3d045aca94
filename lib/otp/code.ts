import "server-only";
import { createHmac, randomInt, timingSafeEqual } from "node:crypto";
import type { OtpPurpose } from "@/db/schema";
import { env } from "@/lib/env";

// DESIGN rule 9: six digits, hashed, ten minutes, five tries.
export const OTP_LENGTH = 6;
export const OTP_TTL_MINUTES = 10;
export const OTP_MAX_ATTEMPTS = 5;
/** A new code can be sent this long after the previous one. */
export const OTP_RESEND_SECONDS = 30;

/** Six digits from the OS's CSPRNG, leading zeros kept. */
export function generateOtpCode(): string {
  return String(randomInt(0, 10 ** OTP_LENGTH)).padStart(OTP_LENGTH, "0");
}

/**
 * HMAC-SHA256 keyed with AUTH_SECRET and bound to the user and purpose: a
 * leaked otp_codes table can't be brute-forced (a million candidates) without
 * the secret, and a hash can't be replayed for another user or purpose.
 */
export function hashOtpCode(userId: number, purpose: OtpPurpose, code: string): string {
  return createHmac("sha256", env().AUTH_SECRET).update(`otp:v1:${userId}:${purpose}:${code}`).digest("hex");
}

export function otpCodeMatches(hash: string, userId: number, purpose: OtpPurpose, code: string): boolean {
  const expected = Buffer.from(hashOtpCode(userId, purpose, code), "hex");
  const stored = Buffer.from(hash, "hex");
  return stored.length === expected.length && timingSafeEqual(stored, expected);
}

/** What people type: "123 456" and "123-456" are the same code. */
export function normalizeOtpInput(input: string): string {
  return input.replace(/[\s-]/g, "");
}

/** "+1 ••• ••• 4567": enough for a person to recognise their own number. */
export function maskPhone(phone: string | null | undefined): string {
  if (!phone) return "your phone";
  return `••• ${phone.slice(-4)}`;
}
