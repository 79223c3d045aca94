import "server-only";
import type { DbOrTx } from "@/db";
import { auditLog, type Role } from "@/db/schema";

export type AuditActor = { id: number; role: Role } | { id: null; role: "system" };

export type AuditEntry = {
  actor: AuditActor;
  /** "<entity>.<verb>", e.g. "client.archive", "invoice.issue". */
  action: string;
  entityType: string;
  entityId: number | null;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
  ip?: string | null;
};

export const SYSTEM_ACTOR: AuditActor = { id: null, role: "system" };

/** Appends one audit row; call it inside the transaction that makes the change. */
export async function writeAudit(db: DbOrTx, entry: AuditEntry): Promise<void> {
  await db.insert(auditLog).values({
    actorUserId: entry.actor.id,
    actorRole: entry.actor.role,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    before: entry.before ?? null,
    after: entry.after ?? null,
    ip: entry.ip ?? null,
  });
}
