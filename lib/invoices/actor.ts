import type { Role } from "@/db/schema";
import type { AuditActor } from "@/lib/audit";

/** Who makes a money change: a signed-in user, or the system (billing runs). */
export type Actor = AuditActor & { ip?: string | null };

export function auditActor(actor: Actor): AuditActor {
  return actor.id === null ? { id: null, role: "system" } : { id: actor.id, role: actor.role };
}

/** The signed-in user and request IP, as server actions pass them to the domain. */
export function actorFrom(user: { id: number; role: Role }, ip: string): Actor {
  return { id: user.id, role: user.role, ip };
}
