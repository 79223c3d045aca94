import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db";
import { staffInvites, users } from "@/db/schema";
import { auditActor, type Actor } from "@/lib/actor";
import { writeAudit } from "@/lib/audit";
import { newToken } from "@/lib/auth/one-time-token";
import { DomainError } from "@/lib/errors";
import { enqueue } from "@/lib/notify/enqueue";
import { DECISION_TTL_MS, decisionUrl } from "./invite-links";
import { inTransaction } from "@/lib/transaction";

/**
 * Records a request to invite a new staff member and emails every active admin
 * Approve and Reject links. Both links carry the same single-use token.
 */
export async function requestInvite(db: Db, input: { email: string; name: string }, actor: Actor & { name: string }, now = new Date()): Promise<{ id: number }> {
  return inTransaction(db, async (tx) => {
    const [existing] = await tx.select({ id: users.id }).from(users).where(eq(users.email, input.email)).limit(1);
    if (existing) throw new DomainError("Someone already has an account with this email.", { email: ["This email already has an account"] });
    const open = await tx
      .select({ id: staffInvites.id, status: staffInvites.status, decisionExpiresAt: staffInvites.decisionExpiresAt, expiresAt: staffInvites.expiresAt })
      .from(staffInvites)
      .where(and(eq(staffInvites.email, input.email), inArray(staffInvites.status, ["pending_approval", "approved"])));
    // An open invite whose link has run out doesn't block a new one.
    const live = open.some((i) => ((i.status === "pending_approval" ? i.decisionExpiresAt : i.expiresAt)?.getTime() ?? 0) > now.getTime());
    if (live) throw new DomainError("This person already has an open invite.", { email: ["An invite for this email is already open"] });

    const { token, hash } = newToken();
    const [res] = await tx.insert(staffInvites).values({
      email: input.email,
      name: input.name,
      requestedBy: actor.id,
      status: "pending_approval",
      decisionTokenHash: hash,
      decisionExpiresAt: new Date(now.getTime() + DECISION_TTL_MS),
      createdAt: now,
    });
    const id = res.insertId;
    const admins = await tx
      .select({ id: users.id, name: users.name, email: users.email })
      .from(users)
      .where(and(eq(users.role, "admin"), eq(users.status, "active")));
    for (const admin of admins) {
      await enqueue(tx, {
        channel: "email",
        to: admin.email,
        template: "staff_invite_request",
        data: {
          adminName: admin.name,
          inviteeName: input.name,
          inviteeEmail: input.email,
          requestedBy: actor.name,
          approveUrl: decisionUrl(token, "approve"),
          rejectUrl: decisionUrl(token, "reject"),
        },
        related: { type: "staff_invite", id },
        idempotencyKey: `invite:${id}:request:${admin.id}`,
      });
    }
    await writeAudit(tx, {
      actor: auditActor(actor),
      action: "staff_invite.request",
      entityType: "staff_invite",
      entityId: id,
      after: { email: input.email, name: input.name, notifiedAdmins: admins.length },
      ip: actor.ip,
    });
    return { id };
  });
}
