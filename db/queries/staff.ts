import "server-only";
import { and, asc, count, desc, eq, gt, inArray, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/mysql-core";
import { getDb } from "@/db";
import { staffInvites, users } from "@/db/schema";

// Staff accounts and invites. Callers check "staff:manage" (or "invites:request"
// for the requester's own list); no password hash ever leaves here.

const staffColumns = {
  id: users.id,
  name: users.name,
  email: users.email,
  phone: users.phone,
  role: users.role,
  status: users.status,
  lastLoginAt: users.lastLoginAt,
  createdAt: users.createdAt,
  // Any second factor to reset: texted codes, an app, passkeys or recovery codes.
  // Written out in full: drizzle leaves users.id unqualified in a one-table select, which inside a subquery would mean the subquery's own id.
  hasSecondFactor:
    sql<number>`(users.two_factor <> 'none' or exists(select 1 from passkeys pk where pk.user_id = users.id) or exists(select 1 from recovery_codes rc where rc.user_id = users.id))`.mapWith(Boolean),
};

export const STAFF_PAGE_SIZE = 25;

const backOffice = () => inArray(users.role, ["admin", "staff"]);

/** One page of admins and staff (by status, role and name), with how many there are in all. */
export async function listStaff(page: number) {
  const db = getDb();
  const [[total], rows] = await Promise.all([
    db.select({ n: count() }).from(users).where(backOffice()),
    db
      .select(staffColumns)
      .from(users)
      .where(backOffice())
      .orderBy(asc(users.status), asc(users.role), asc(users.name), asc(users.id))
      .limit(STAFF_PAGE_SIZE)
      .offset((page - 1) * STAFF_PAGE_SIZE),
  ]);
  return { rows, total: total?.n ?? 0 };
}
export type StaffRow = Awaited<ReturnType<typeof listStaff>>["rows"][number];

/** How many active admins there are: the last one can't be disabled, on whichever page it shows. */
export async function countActiveAdmins() {
  const [row] = await getDb()
    .select({ n: count() })
    .from(users)
    .where(and(eq(users.role, "admin"), eq(users.status, "active")));
  return row?.n ?? 0;
}

const requester = alias(users, "requester");
const decider = alias(users, "decider");
const joiner = alias(users, "joiner");

const inviteColumns = {
  id: staffInvites.id,
  email: staffInvites.email,
  name: staffInvites.name,
  status: staffInvites.status,
  requestedBy: requester.name,
  decidedBy: decider.name,
  decidedAt: staffInvites.decidedAt,
  decisionExpiresAt: staffInvites.decisionExpiresAt,
  expiresAt: staffInvites.expiresAt,
  acceptedAt: staffInvites.acceptedAt,
  /** The account the invitee made, by its name now (they may have changed it). */
  joinedAs: joiner.name,
  createdAt: staffInvites.createdAt,
};

export const INVITE_PAGE_SIZE = 25;

/**
 * One page of invites, the ones still waiting for a decision at `now` first (as
 * inviteState reads them, so the page's two groups split where the order does),
 * then the rest, newest first; with how many there are in all. Pass requestedBy
 * to see only one person's requests.
 */
export async function listInvites(opts: { requestedBy?: number; page: number; now: Date }) {
  const db = getDb();
  const where = opts.requestedBy ? eq(staffInvites.requestedBy, opts.requestedBy) : undefined;
  const waiting = and(eq(staffInvites.status, "pending_approval"), gt(staffInvites.decisionExpiresAt, opts.now));
  const [[total], rows] = await Promise.all([
    db.select({ n: count() }).from(staffInvites).innerJoin(requester, eq(requester.id, staffInvites.requestedBy)).where(where),
    db
      .select(inviteColumns)
      .from(staffInvites)
      .innerJoin(requester, eq(requester.id, staffInvites.requestedBy))
      .leftJoin(decider, eq(decider.id, staffInvites.decidedBy))
      .leftJoin(joiner, eq(joiner.id, staffInvites.acceptedUserId))
      .where(where)
      // A case rather than the condition itself: a NULL expiry would sort apart from the other settled invites.
      .orderBy(sql`case when ${waiting} then 0 else 1 end`, desc(staffInvites.createdAt), desc(staffInvites.id))
      .limit(INVITE_PAGE_SIZE)
      .offset((opts.page - 1) * INVITE_PAGE_SIZE),
  ]);
  return { rows, total: total?.n ?? 0 };
}
export type InviteRow = Awaited<ReturnType<typeof listInvites>>["rows"][number];

/** The invite behind a decision or acceptance link, by the token's hash (the page shows it to the link holder). */
export async function getInviteByTokenHash(kind: "decision" | "accept", hash: string) {
  const column = kind === "decision" ? staffInvites.decisionTokenHash : staffInvites.acceptTokenHash;
  const [row] = await getDb()
    .select(inviteColumns)
    .from(staffInvites)
    .innerJoin(requester, eq(requester.id, staffInvites.requestedBy))
    .leftJoin(decider, eq(decider.id, staffInvites.decidedBy))
    .leftJoin(joiner, eq(joiner.id, staffInvites.acceptedUserId))
    .where(eq(column, hash))
    .limit(1);
  return row ?? null;
}

/** What the invite's status means right now: an open link past its time reads as expired. */
export function inviteState(invite: Pick<InviteRow, "status" | "decisionExpiresAt" | "expiresAt">, now = new Date()) {
  if (invite.status === "pending_approval" && (!invite.decisionExpiresAt || invite.decisionExpiresAt <= now)) return "expired" as const;
  if (invite.status === "approved" && (!invite.expiresAt || invite.expiresAt <= now)) return "expired" as const;
  return invite.status;
}
