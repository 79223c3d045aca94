// Integration tests run server code outside a Next.js request. This stands in
// for next/headers only: the session cookie in it is a real Auth.js JWT with
// a real server-side session row, so the session checks, the session_version
// check and the permission map all run for real.
import { and, eq } from "drizzle-orm";
import { encode } from "next-auth/jwt";
import { getDb } from "@/db";
import { sessions, type Role } from "@/db/schema";
import { SESSION_COOKIE as COOKIE } from "@/lib/auth/session-token";
import { createSession, hashSessionId } from "@/lib/auth/sessions";

let current = new Headers({ host: "localhost:3000", "x-forwarded-proto": "http", "x-forwarded-for": "127.0.0.1" });
const jar = new Map<string, string>();

function cookieHeader(): string {
  return [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
}

export const nextHeadersMock = {
  headers: async () => {
    const h = new Headers(current);
    if (jar.size) h.set("cookie", cookieHeader());
    return h;
  },
  cookies: async () => ({
    get: (name: string) => (jar.has(name) ? { name, value: jar.get(name)! } : undefined),
    getAll: () => [...jar].map(([name, value]) => ({ name, value })),
    has: (name: string) => jar.has(name),
    set: (name: string | { name: string; value: string }, value?: string) => {
      if (typeof name === "string") jar.set(name, value ?? "");
      else jar.set(name.name, name.value);
    },
    delete: (name: string) => jar.delete(name),
  }),
};

export type SessionSubject = { id: number; role: Role; sessionVersion: number; email?: string; name?: string };

// One session per user and session version, reused while its row exists, so
// switching between users doesn't write a row on every switch (tests compare
// database checksums around such switches).
const sids = new Map<string, string>();

async function sessionFor(user: SessionSubject, ip: string): Promise<string> {
  const id = `${user.id}:${user.sessionVersion}`;
  const known = sids.get(id);
  if (known) {
    const [row] = await getDb()
      .select({ id: sessions.id })
      .from(sessions)
      .where(and(eq(sessions.tokenHash, hashSessionId(known)), eq(sessions.userId, user.id)))
      .limit(1);
    if (row) return known;
  }
  const sid = await createSession(getDb(), { userId: user.id, sessionVersion: user.sessionVersion, ip, userAgent: "jest" });
  sids.set(id, sid);
  return sid;
}

/** Makes the following server calls run as this user (with a real signed session cookie), or anonymously. */
export async function actAs(user: SessionSubject | null, ip = "127.0.0.1"): Promise<void> {
  jar.clear();
  current = new Headers({ host: "localhost:3000", "x-forwarded-proto": "http", "x-forwarded-for": ip });
  if (!user) return;
  const sid = await sessionFor(user, ip);
  const token = await encode({
    secret: process.env.AUTH_SECRET!,
    salt: COOKIE,
    token: { uid: user.id, role: user.role, sv: user.sessionVersion, sid, email: user.email ?? null, name: user.name ?? null, sub: String(user.id) },
  });
  jar.set(COOKIE, token);
}
