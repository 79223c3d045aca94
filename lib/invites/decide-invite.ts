import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/db";
import { staffInvites, users } from "@/db/schema";
import { auditActor, type Actor } from "@/lib/actor";
import { writeAudit } from "@/lib/audit";
import { hashToken, newToken } from "@/lib/auth/one-time-token";
import { DomainError } from "@/lib/errors";
import { enqueue } from "@/lib/notify/enqueue";
import type { InviteDecision } from "@/lib/validation/invites";
import { ACCEPT_TTL_MS, acceptUrl } from "./invite-links";
import { inTransaction } from "@/lib/transaction";

export const INVALID_LINK = "This link isn't valid. Check that you opened the whole link from the email.";

type Which = { token: string } | { inviteId: number };

/**
 * An admin approves or rejects a pending invite, from the emailed link (token)
 * or from the list in the app (id). The invite row is locked and must still be
 * pending, so each decision happens once; an expired link changes nothing.
 * Approval emails the invitee a set-password link that lasts 72 hours.
 */
export async function decideInvite(db: Db, which: Which, decision: InviteDecision, actor: Actor, now = new Date()): Promise<{ id: number; status: "approved" | "rejected" }> {
  return inTransaction(db, async (tx) => {
    const where = "token" in which ? eq(staffInvites.decisionTokenHash, hashToken(which.token)) : eq(staffInvites.id, which.inviteId);
    const [invite] = await tx
      .select({ id: staffInvites.id, email: staffInvites.email, name: staffInvites.name, status: staffInvites.status, decisionExpiresAt: staffInvites.decisionExpiresAt })
      .from(staffInvites)
      .where(where)
      .limit(1)
      .for("update");
    if (!invite) throw new DomainError(INVALID_LINK);
    if (invite.status !== "pending_approval") throw new DomainError(`This request was already ${invite.status === "rejected" ? "rejected" : "approved"}. Nothing was changed.`);
    if (!invite.decisionExpiresAt || invite.decisionExpiresAt.getTime() <= now.getTime()) {
      throw new DomainError("This request expired before anyone decided. Ask for a new invite.");
    }

    if (decision === "reject") {
      await tx.update(staffInvites).set({ status: "rejected", decidedBy: actor.id, decidedAt: now }).where(eq(staffInvites.id, invite.id));
      await writeAudit(tx, {
        actor: auditActor(actor),
        action: "staff_invite.reject",
        entityType: "staff_invite",
        entityId: invite.id,
        before: { status: "pending_approval" },
        after: { status: "rejected" },
        ip: actor.ip,
      });
      return { id: invite.id, status: "rejected" as const };
    }

    const [taken] = await tx.select({ id: users.id }).from(users).where(eq(users.email, invite.email)).limit(1);
    if (taken) throw new DomainError("Someone already has an account with this email, so this invite can't be approved.");
    const { token, hash } = newToken();
    const expiresAt = new Date(now.getTime() + ACCEPT_TTL_MS);
    await tx.update(staffInvites).set({ status: "approved", decidedBy: actor.id, decidedAt: now, acceptTokenHash: hash, expiresAt }).where(eq(staffInvites.id, invite.id));
    await enqueue(tx, {
      channel: "email",
      to: invite.email,
      template: "staff_invite_accept",
      data: { inviteeName: invite.name, acceptUrl: acceptUrl(token), expiresAt: expiresAt.toISOString() },
      related: { type: "staff_invite", id: invite.id },
      idempotencyKey: `invite:${invite.id}:accept`,
    });
    await writeAudit(tx, {
      actor: auditActor(actor),
      action: "staff_invite.approve",
      entityType: "staff_invite",
      entityId: invite.id,
      before: { status: "pending_approval" },
      after: { status: "approved", expiresAt: expiresAt.toISOString() },
      ip: actor.ip,
    });
    return { id: invite.id, status: "approved" as const };
  });
}
