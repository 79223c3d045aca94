import type { Role } from "@/db/schema";
import type { AuditActor } from "@/lib/audit";

/**
 * A signed-in person making a change, and the request's IP. Back-office, profile and
 * portal-settings functions take this: they record who did it in NOT NULL columns
 * (e.g. staff_invites.requested_by) or act on the person's own user row.
 */
export type Actor = { id: number; role: Role; ip?: string | null };

/** The scheduled billing run: no user behind it, audited as role "system". */
export type SystemActor = { id: null; role: "system"; ip?: string | null };

/**
 * A person or the system. Money functions (invoices, payments, subscriptions, billing)
 * take this because the billing run drafts, issues and emails invoices as the system;
 * their *_by columns are nullable for that reason.
 */
export type ActorOrSystem = Actor | SystemActor;

/** The audit log's view of who acted: the IP is written separately. */
export function auditActor(actor: ActorOrSystem): AuditActor {
  return actor.id === null ? { id: null, role: "system" } : { id: actor.id, role: actor.role };
}

/** The fields that differ, as before/after objects for the audit log. */
export function changes<T extends Record<string, unknown>>(before: T, after: Partial<T>): { before: Partial<T>; after: Partial<T> } | null {
  const b: Partial<T> = {};
  const a: Partial<T> = {};
  for (const key of Object.keys(after) as (keyof T)[]) {
    const was = before[key] instanceof Date ? (before[key] as Date).toISOString() : before[key];
    const now = after[key] instanceof Date ? (after[key] as Date).toISOString() : after[key];
    if (was !== now) {
      b[key] = was as T[keyof T];
      a[key] = now as T[keyof T];
    }
  }
  return Object.keys(a).length ? { before: b, after: a } : null;
}
