import "server-only";
import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";
import { env } from "@/lib/env";

/**
 * A pending sign-up travels in the emailed link, sealed with AES-256-GCM
 * under a key derived from AUTH_SECRET: nothing is stored until the person
 * proves the address is theirs, so the form can't create accounts for (or
 * squat on) someone else's email, and an unclicked link leaves no trace.
 * The payload holds the password's argon2 hash, never the password.
 */
export type PendingSignup = {
  name: string;
  email: string;
  phone: string;
  passwordHash: string;
  twoFactor: "none" | "sms";
  smsOptIn: boolean;
};

export const SIGNUP_LINK_TTL_HOURS = 24;

const key = () => createHash("sha256").update(`clientdesk:signup-link:v1:${env().AUTH_SECRET}`).digest();

export function sealSignup(signup: PendingSignup, now = Date.now()): { token: string; expiresAt: Date } {
  const expiresAt = new Date(now + SIGNUP_LINK_TTL_HOURS * 3_600_000);
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key(), iv);
  const body = Buffer.concat([cipher.update(JSON.stringify({ ...signup, exp: expiresAt.getTime() }), "utf8"), cipher.final()]);
  return { token: Buffer.concat([iv, body, cipher.getAuthTag()]).toString("base64url"), expiresAt };
}

/** The sign-up, or null when the link is tampered with, truncated or expired. */
export function openSignup(token: string | null | undefined, now = Date.now()): PendingSignup | null {
  if (!token || token.length > 4000 || !/^[A-Za-z0-9_-]+$/.test(token)) return null;
  const raw = Buffer.from(token, "base64url");
  if (raw.length < 12 + 16 + 2) return null;
  try {
    const decipher = createDecipheriv("aes-256-gcm", key(), raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(raw.length - 16));
    const json = Buffer.concat([decipher.update(raw.subarray(12, raw.length - 16)), decipher.final()]).toString("utf8");
    const { exp, ...signup } = JSON.parse(json) as PendingSignup & { exp: number };
    if (typeof exp !== "number" || exp <= now) return null;
    return signup;
  } catch {
    return null;
  }
}
