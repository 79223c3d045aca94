import "server-only";
import { Secret, TOTP } from "otpauth";
import { secretBox } from "@/lib/crypto/secret-box";

// Authenticator-app codes (RFC 6238): SHA-1, 6 digits, 30-second steps, the
// parameters every app understands. A code is accepted one step either side
// of now (clock drift), and only for a step after the last one accepted.
export const TOTP_PERIOD_SECONDS = 30;
export const TOTP_WINDOW = 1;
const DIGITS = 6;

// The secret is sealed at rest under a key of its own, bound to the user's id.
const box = secretBox("clientdesk totp secrets v1");
const context = (userId: number) => `totp:${userId}`;

export function sealTotpSecret(userId: number, base32: string): string {
  return box.seal(base32, context(userId));
}

export function openTotpSecret(userId: number, sealed: string): string {
  return box.open(sealed, context(userId));
}

/** A new random 160-bit secret, base32 (what people type into an app by hand). */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

function totpFor(base32: string, label = "", issuer = "") {
  return new TOTP({ issuer, label, algorithm: "SHA1", digits: DIGITS, period: TOTP_PERIOD_SECONDS, secret: Secret.fromBase32(base32) });
}

/** The otpauth:// URI the QR code carries. */
export function totpUri(base32: string, account: string, issuer: string): string {
  return totpFor(base32, account, issuer).toString();
}

/** The step a time falls in. */
export function totpStep(now: Date): number {
  return Math.floor(now.getTime() / 1000 / TOTP_PERIOD_SECONDS);
}

/** The code for a time (tests, and nothing else, need to make one). */
export function totpCodeAt(base32: string, at: Date): string {
  return totpFor(base32).generate({ timestamp: at.getTime() });
}

/** The step the code belongs to, within ±1 step of now, or null when it matches none. */
export function matchTotpStep(base32: string, code: string, now: Date): number | null {
  const token = code.replace(/[\s-]/g, "");
  if (!/^\d{6}$/.test(token)) return null;
  const delta = totpFor(base32).validate({ token, timestamp: now.getTime(), window: TOTP_WINDOW });
  return delta === null ? null : totpStep(now) + delta;
}
