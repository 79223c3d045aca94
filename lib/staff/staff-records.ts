import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Db, Tx } from "@/db";
import { users, type Role } from "@/db/schema";
import { auditActor, changes, type Actor } from "@/lib/actor";
import { writeAudit } from "@/lib/audit";
import { DomainError, NotFoundError } from "@/lib/errors";
import { inTransaction } from "@/lib/transaction";

export const LAST_ADMIN = "ClientDesk needs at least one active admin. Make someone else an admin first.";

type StaffEdit = { name: string; phone: string | null; role: "admin" | "staff" };

/**
 * Locks every active admin row, then the target. Two admins demoting or
 * disabling each other at the same moment queue on these locks, so the
 * last-admin check can't be raced.
 */
async function lockForChange(tx: Tx, id: number) {
  await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.role, "admin"), eq(users.status, "active")))
    .for("update");
  const [row] = await tx
    .select({ id: users.id, name: users.name, phone: users.phone, role: users.role, status: users.status, twoFactor: users.twoFactor })
    .from(users)
    .where(and(eq(users.id, id), inArray(users.role, ["admin", "staff"])))
    .limit(1)
    .for("update");
  if (!row) throw new NotFoundError("That staff member");
  return row;
}

async function isLastActiveAdmin(tx: Tx, target: { id: number; role: Role; status: string }): Promise<boolean> {
  if (target.role !== "admin" || target.status !== "active") return false;
  const [row] = await tx
    .select({ n: sql<number>`count(*)` })
    .from(users)
    .where(and(eq(users.role, "admin"), eq(users.status, "active")));
  return Number(row?.n ?? 0) <= 1;
}

export const SMS_SIGN_IN_PHONE = "Their sign-in codes go to this number, so it can't be changed here. Reset their two-step sign-in first, or ask them to change it under Two-step sign-in.";

/**
 * Edits a staff member's name, phone and role. A role change ends their
 * sessions. The phone of someone who signs in with codes by text message is
 * theirs to change (re-verified under Two-step sign-in), as on their own
 * profile; any other new phone number is not verified yet.
 */
export async function updateStaff(db: Db, id: number, input: StaffEdit, actor: Actor): Promise<void> {
  await inTransaction(db, async (tx) => {
    const { twoFactor, ...before } = await lockForChange(tx, id);
    const diff = changes(before, input);
    if (!diff) return;
    const phoneChanged = before.phone !== input.phone;
    if (phoneChanged && twoFactor === "sms") throw new DomainError(SMS_SIGN_IN_PHONE, { phone: ["Used for their sign-in codes"] });
    const roleChanged = before.role !== input.role;
    if (roleChanged && input.role !== "admin" && (await isLastActiveAdmin(tx, before))) {
      throw new DomainError(LAST_ADMIN, { role: ["The last active admin can't be made staff"] });
    }
    await tx
      .update(users)
      .set({ ...input, ...(phoneChanged ? { phoneVerifiedAt: null } : {}), ...(roleChanged ? { sessionVersion: sql`${users.sessionVersion} + 1` } : {}) })
      .where(eq(users.id, id));
    await writeAudit(tx, { actor: auditActor(actor), action: roleChanged ? "user.role_change" : "user.update", entityType: "user", entityId: id, ...diff, ip: actor.ip });
  });
}

/** Disables (ending every session at once) or re-enables a staff member. */
export async function setStaffEnabled(db: Db, id: number, enabled: boolean, actor: Actor): Promise<void> {
  await inTransaction(db, async (tx) => {
    const before = await lockForChange(tx, id);
    const status = enabled ? "active" : "disabled";
    if (before.status === status) return;
    if (!enabled && (await isLastActiveAdmin(tx, before))) throw new DomainError(LAST_ADMIN);
    await tx
      .update(users)
      .set({ status, ...(enabled ? {} : { sessionVersion: sql`${users.sessionVersion} + 1` }) })
      .where(eq(users.id, id));
    await writeAudit(tx, {
      actor: auditActor(actor),
      action: enabled ? "user.enable" : "user.disable",
      entityType: "user",
      entityId: id,
      before: { status: before.status },
      after: { status },
      ip: actor.ip,
    });
  });
}
