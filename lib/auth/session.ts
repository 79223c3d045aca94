import "server-only";
import { and, eq, getTableColumns, gt, sql } from "drizzle-orm";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { prepared } from "@/db/prepared";
import { shareRequestSettings, type CompanySettings } from "@/db/queries/settings";
import { sessions, settings, users, type Role } from "@/db/schema";
import { env } from "@/lib/env";
import { ipFromHeaders } from "./ip";
import { can, homeFor, type Permission } from "./permissions";
import { readSessionCookie } from "./session-token";
import { hashSessionId, oldestLiveSignIn } from "./sessions";

/**
 * The signed-in person; sessionId is this browser's sessions row.
 * mustSetUpSecondFactor: the admin setting asks back-office users for an
 * authenticator app or a passkey and this one has neither, so until they set
 * one up they may use their security settings and nothing else.
 */
export type CurrentUser = { id: number; email: string; name: string; phone: string | null; role: Role; sessionVersion: number; sessionId: number; mustSetUpSecondFactor: boolean };

/** Where a back-office user without a second factor is sent when the policy asks for one. */
export const SECOND_FACTOR_SETUP_PATH = "/security/setup";

/**
 * The signed-in user, read fresh from the database once per request, with
 * the session's own row in the same query. A cookie whose session was ended
 * (signed out, signed out everywhere, expired, signed in over 30 days ago:
 * SESSION_ABSOLUTE_MAX_AGE_SECONDS) or whose session_version is
 * stale (password change, role change, disable), or whose user is no longer
 * active, counts as signed out. The cookie Auth.js wrote is read directly
 * (see session-token.ts for why).
 */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const token = readSessionCookie(await cookies(), env().AUTH_SECRET);
  if (!token) return null;
  const read = readSessionUser(token.uid, token.sv, token.sid);
  // The same read brings the settings row, which nearly every page then asks for.
  shareRequestSettings(read.then((r) => r.settings));
  return (await read).user;
});

const p = sql.placeholder;
// Every signed-in page view sends this one, so it is built once (db/prepared.ts).
const sessionUserQuery = prepared((db) =>
  db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      phone: users.phone,
      role: users.role,
      status: users.status,
      sessionVersion: users.sessionVersion,
      sessionId: sessions.id,
      twoFactor: users.twoFactor,
      // Written out in full: drizzle may leave users.id unqualified, which inside the subquery would mean passkeys.id.
      hasPasskey: sql<number>`exists(select 1 from passkeys pk where pk.user_id = users.id)`,
      settings: getTableColumns(settings),
    })
    .from(users)
    .innerJoin(
      sessions,
      and(
        eq(sessions.tokenHash, p("tokenHash")),
        eq(sessions.userId, users.id),
        eq(sessions.sessionVersion, users.sessionVersion),
        gt(sessions.expiresAt, p("now")),
        gt(sessions.createdAt, p("oldest")),
      ),
    )
    .leftJoin(settings, eq(settings.id, 1))
    .where(eq(users.id, p("uid")))
    .limit(1)
    .prepare(),
);

async function readSessionUser(uid: number, sessionVersion: number, sid: string, now = new Date()): Promise<{ user: CurrentUser | null; settings: CompanySettings | null }> {
  // The instant as the column writes it (UTC), whatever the pool's time zone: see db/prepared.ts.
  const [row] = await sessionUserQuery().execute({
    tokenHash: hashSessionId(sid),
    uid,
    now: sessions.expiresAt.mapToDriverValue(now),
    oldest: sessions.createdAt.mapToDriverValue(oldestLiveSignIn(now)),
  });
  if (!row) return { user: null, settings: null };
  if (row.status !== "active" || row.sessionVersion !== sessionVersion) return { user: null, settings: row.settings };
  const mustSetUpSecondFactor = row.role !== "client" && !!row.settings?.requireBackOfficeSecondFactor && row.twoFactor !== "totp" && !Number(row.hasPasskey);
  const user = { id: row.id, email: row.email, name: row.name, phone: row.phone, role: row.role, sessionVersion: row.sessionVersion, sessionId: row.sessionId, mustSetUpSecondFactor };
  return { user, settings: row.settings };
}

/** Whether the second-factor policy still lets this user use a permission: only their security settings until they comply. */
export function policyAllows(user: CurrentUser, permission: Permission): boolean {
  return !user.mustSetUpSecondFactor || permission === "security:self";
}

/** For pages: sends the anonymous to /login, a wrong role to its own home, and anyone the policy holds back to set up a second factor. */
export async function requirePagePermission(permission: Permission): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect("/login");
  if (!can(user.role, permission)) redirect(homeFor[user.role]);
  if (!policyAllows(user, permission)) redirect(SECOND_FACTOR_SETUP_PATH);
  return user;
}

/**
 * For a back-office page: the user with the permission, and the area its links
 * go to. The role layout lets only admins into /admin and only staff into
 * /staff, so the user's home is the route group the page was reached through:
 * one page module serves both (app/_back-office).
 */
export async function requireBackOffice(permission: Permission): Promise<{ user: CurrentUser; area: "/admin" | "/staff" }> {
  const user = await requirePagePermission(permission);
  if (user.role === "client") redirect(homeFor.client);
  return { user, area: user.role === "admin" ? "/admin" : "/staff" };
}

/** For layouts of a role's area. */
export async function requireRole(role: Role): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect("/login");
  if (user.role !== role) redirect(homeFor[user.role]);
  if (user.mustSetUpSecondFactor) redirect(SECOND_FACTOR_SETUP_PATH);
  return user;
}

/** For route handlers: null unless the caller holds the permission and the policy lets them use it (answer 404 then). */
export async function userWithPermission(permission: Permission): Promise<CurrentUser | null> {
  const user = await getCurrentUser();
  return user && can(user.role, permission) && policyAllows(user, permission) ? user : null;
}

export async function requestIp(): Promise<string> {
  return ipFromHeaders(await headers());
}
