import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { env } from "@/lib/env";

/**
 * A short-lived, tamper-proof token: base64url(JSON).base64url(HMAC-SHA256).
 * The purpose is part of the MAC, so a token made for one use (a pending
 * two-factor sign-in, a 2FA settings change) is worthless for another. The
 * payload is readable, so it holds ids and flags, never secrets.
 */
export function signToken(purpose: string, payload: Record<string, unknown>, ttlSeconds: number, now = Date.now()): string {
  const body = Buffer.from(JSON.stringify({ ...payload, exp: Math.floor(now / 1000) + ttlSeconds })).toString("base64url");
  return `${body}.${mac(purpose, body)}`;
}

/** The payload, or null when the token is malformed, forged, for another purpose or expired. */
export function readToken<T extends Record<string, unknown>>(purpose: string, token: string | null | undefined, now = Date.now()): (T & { exp: number }) | null {
  if (!token || token.length > 2000) return null;
  const [body, sig, extra] = token.split(".");
  if (!body || !sig || extra !== undefined) return null;
  const expected = Buffer.from(mac(purpose, body));
  const given = Buffer.from(sig);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  try {
    const payload = JSON.parse(Buffer.from(body, "base64url").toString("utf8")) as T & { exp: number };
    if (typeof payload.exp !== "number" || payload.exp * 1000 <= now) return null;
    return payload;
  } catch {
    return null;
  }
}

function mac(purpose: string, body: string): string {
  return createHmac("sha256", env().AUTH_SECRET).update(`clientdesk:${purpose}:${body}`).digest("base64url");
}
