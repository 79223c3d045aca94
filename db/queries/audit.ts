import "server-only";
import { and, desc, eq, gte, inArray, like, lt, type SQL } from "drizzle-orm";
import { getDb } from "@/db";
import { auditLog, users } from "@/db/schema";
import { addDaysIso, startOfDayIn } from "@/lib/dates";
import type { AuditParams } from "@/lib/validation/audit";

// The audit log, newest first. Callers check "audit:read" (or the record's own
// read permission for a record's history).

export const AUDIT_PAGE_SIZE = 50;

const columns = {
  id: auditLog.id,
  at: auditLog.at,
  actorUserId: auditLog.actorUserId,
  actorRole: auditLog.actorRole,
  actorName: users.name,
  actorEmail: users.email,
  action: auditLog.action,
  entityType: auditLog.entityType,
  entityId: auditLog.entityId,
  before: auditLog.before,
  after: auditLog.after,
  ip: auditLog.ip,
};

/**
 * One page of the log, keyset-paged on id (?before=<id>), so the thousandth
 * page costs what the first does. An action filter ending in "." matches a
 * whole family ("client." finds every client action).
 */
export async function listAudit(p: AuditParams) {
  const conditions: (SQL | undefined)[] = [
    p.actor ? eq(auditLog.actorUserId, p.actor) : undefined,
    p.action ? (p.action.endsWith(".") ? like(auditLog.action, `${p.action.replace(/[\\%_]/g, "\\$&")}%`) : eq(auditLog.action, p.action)) : undefined,
    p.entityType ? eq(auditLog.entityType, p.entityType) : undefined,
    p.entityId ? eq(auditLog.entityId, p.entityId) : undefined,
    p.from ? gte(auditLog.at, startOfDayIn(p.from, p.timeZone ?? "UTC")) : undefined,
    p.to ? lt(auditLog.at, startOfDayIn(addDaysIso(p.to, 1), p.timeZone ?? "UTC")) : undefined,
    p.before ? lt(auditLog.id, p.before) : undefined,
  ];
  const rows = await getDb()
    .select(columns)
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorUserId))
    .where(and(...conditions))
    .orderBy(desc(auditLog.id))
    .limit(AUDIT_PAGE_SIZE + 1);
  const hasMore = rows.length > AUDIT_PAGE_SIZE;
  const page = rows.slice(0, AUDIT_PAGE_SIZE);
  return { rows: page, nextBefore: hasMore ? page.at(-1)!.id : null };
}
export type AuditRow = Awaited<ReturnType<typeof listAudit>>["rows"][number];

/** One record's history (a client, a service, an invite), newest first. */
export async function listAuditFor(entityType: string, entityId: number, limit = 50) {
  return getDb()
    .select(columns)
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorUserId))
    .where(and(eq(auditLog.entityType, entityType), eq(auditLog.entityId, entityId)))
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(limit);
}

/** People who appear in the log as actors, for the filter's picker. */
export async function listAuditActors() {
  return getDb()
    .select({ id: users.id, name: users.name, role: users.role })
    .from(users)
    .where(and(eq(users.status, "active"), inArray(users.role, ["admin", "staff"])))
    .orderBy(users.name)
    .limit(500);
}
