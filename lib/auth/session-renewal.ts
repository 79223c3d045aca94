import "server-only";
import { encode } from "next-auth/jwt";
import type { NextRequest, NextResponse } from "next/server";
import { getDb } from "@/db";
import { env } from "@/lib/env";
import { readSessionClaims, readSessionToken, sessionCookieValue } from "./session-token";
import { renewSession, SESSION_MAX_AGE_SECONDS, SESSION_RENEW_AFTER_SECONDS } from "./sessions";

/**
 * Slides a session with activity. Auth.js writes the cookie once, at sign-in,
 * and ClientDesk reads it without Auth.js (see session-token.ts), so nothing
 * else renews it: without this, every session ended exactly 7 days after
 * sign-in however busy it was. Called from proxy.ts on page requests: when
 * the cookie is over an hour old and its server-side session is still live,
 * the row's expiry moves on and the response carries a fresh cookie with the
 * same claims and a new expiry. An ended session is never renewed, nor one
 * signed in over 30 days ago (SESSION_ABSOLUTE_MAX_AGE_SECONDS): renewSession()
 * refuses it, however busy it was.
 */
export async function renewSessionCookie(request: NextRequest, response: NextResponse, now = Date.now()): Promise<boolean> {
  const cookie = sessionCookieValue(request.cookies);
  if (!cookie) return false;
  const secret = env().AUTH_SECRET;
  const token = readSessionToken(cookie.value, secret, cookie.name, now);
  if (!token) return false;
  const issuedAt = token.iat ?? token.exp - SESSION_MAX_AGE_SECONDS;
  if (now / 1000 - issuedAt < SESSION_RENEW_AFTER_SECONDS) return false;
  if (!(await renewSession(getDb(), token.sid, new Date(now)))) return false;
  const { iat: _iat, exp: _exp, jti: _jti, ...claims } = readSessionClaims(cookie.value, secret, cookie.name, now)!;
  const value = await encode({ token: claims, secret, salt: cookie.name, maxAge: SESSION_MAX_AGE_SECONDS });
  response.cookies.set(cookie.name, value, {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secure: cookie.name.startsWith("__Secure-"),
    maxAge: SESSION_MAX_AGE_SECONDS,
  });
  return true;
}
