import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { and, eq, gt, ne } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { sessions } from "@/db/schema";

// Sessions live on the server as well as in the cookie. The cookie (an
// Auth.js JWT) carries a random session id; the sessions row holds only its
// SHA-256. A request counts as signed in only while its row exists and has
// not expired, so signing out (which deletes the row) ends the session even
// for a copy of the cookie kept elsewhere. Rows expire after SESSION_MAX_AGE
// without activity: renewSession() slides the expiry, and the cookie with it,
// but never past SESSION_ABSOLUTE_MAX_AGE from sign-in.

/** A session ends after this long without a request (the cookie's max age too). */
export const SESSION_MAX_AGE_SECONDS = 7 * 24 * 60 * 60;
/** A cookie and its row are renewed at most this often, so activity costs one write an hour. */
export const SESSION_RENEW_AFTER_SECONDS = 60 * 60;
/**
 * However busy, a session ends this long after its sign-in: it is no longer
 * renewed and counts as ended, so a stolen cookie kept in use can't live on
 * for ever, and everyone proves who they are again at least monthly.
 */
export const SESSION_ABSOLUTE_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;

/** The earliest sign-in whose session may still stand at `now`. */
export function oldestLiveSignIn(now: Date): Date {
  return new Date(now.getTime() - SESSION_ABSOLUTE_MAX_AGE_SECONDS * 1000);
}

export function newSessionId(): string {
  return randomBytes(32).toString("base64url");
}

export function hashSessionId(sid: string): string {
  return createHash("sha256").update(sid).digest("hex");
}

export type SessionOrigin = { ip?: string | null; userAgent?: string | null };

/** Starts a session for a user who just proved who they are; returns the id for the cookie. */
export async function createSession(db: DbOrTx, input: { userId: number; sessionVersion: number } & SessionOrigin, now = new Date()): Promise<string> {
  const sid = newSessionId();
  await db.insert(sessions).values({
    tokenHash: hashSessionId(sid),
    userId: input.userId,
    sessionVersion: input.sessionVersion,
    ip: input.ip?.slice(0, 45) ?? null,
    userAgent: input.userAgent?.slice(0, 255) ?? null,
    createdAt: now,
    lastSeenAt: now,
    expiresAt: new Date(now.getTime() + SESSION_MAX_AGE_SECONDS * 1000),
  });
  return sid;
}

/** Ends one session (sign-out). */
export async function endSession(db: DbOrTx, sid: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.tokenHash, hashSessionId(sid)));
}

/** Ends one of a user's sessions by its row id; only that user's own rows match. */
export async function endSessionOf(db: DbOrTx, userId: number, sessionId: number): Promise<boolean> {
  const [res] = await db.delete(sessions).where(and(eq(sessions.id, sessionId), eq(sessions.userId, userId)));
  return res.affectedRows > 0;
}

/** Ends every session of a user ("Sign out everywhere", a password change). */
export async function endAllSessions(db: DbOrTx, userId: number, except?: number): Promise<number> {
  const [res] = await db.delete(sessions).where(except === undefined ? eq(sessions.userId, userId) : and(eq(sessions.userId, userId), ne(sessions.id, except)));
  return res.affectedRows;
}

/** Moves a live session's expiry on; false when the session has ended (signed out, expired, past its absolute age). */
export async function renewSession(db: DbOrTx, sid: string, now = new Date()): Promise<boolean> {
  const [res] = await db
    .update(sessions)
    .set({ lastSeenAt: now, expiresAt: new Date(now.getTime() + SESSION_MAX_AGE_SECONDS * 1000) })
    .where(and(eq(sessions.tokenHash, hashSessionId(sid)), gt(sessions.expiresAt, now), gt(sessions.createdAt, oldestLiveSignIn(now))));
  return res.affectedRows > 0;
}
