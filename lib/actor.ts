import type { Role } from "@/db/schema";
import type { AuditActor } from "@/lib/audit";

/** Who is making a change, as domain functions see it: the signed-in user and the request's IP. */
export type Actor = { id: number; role: Role; ip?: string | null };

export const auditActor = (actor: Actor): AuditActor => ({ id: actor.id, role: actor.role });

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
