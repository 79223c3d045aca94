import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { passkeys, users } from "@/db/schema";
import { auditActor, type Actor } from "@/lib/actor";
import { writeAudit } from "@/lib/audit";
import { env } from "@/lib/env";
import { DomainError, NotFoundError } from "@/lib/errors";
import { enqueue } from "@/lib/notify/enqueue";
import { kickOutbox } from "@/lib/notify/kick";
import { cancelEmailChanges } from "@/lib/profile/email-change";
import { inTransaction } from "@/lib/transaction";
import { getFactors } from "./factors";
import { deleteRecoveryCodes } from "./recovery-codes";

/**
 * An admin removes another person's second factors (texted codes, app,
 * passkeys, recovery codes), for a lost phone. Their sessions end (the
 * session version moves on) with any email change they had pending, and in
 * the same transaction the audit row is
 * written and the person is emailed. One's own factors are managed from the
 * profile, with the password.
 */
export async function resetSecondFactors(db: Db, actor: Actor, userId: number, now: Date): Promise<void> {
  if (userId === actor.id) throw new DomainError("Change your own sign-in security from your profile.");
  await inTransaction(db, async (tx) => {
    const [target] = await tx.select({ id: users.id, email: users.email, name: users.name, twoFactor: users.twoFactor }).from(users).where(eq(users.id, userId)).limit(1).for("update");
    if (!target) throw new NotFoundError("That person");
    const before = await getFactors(tx, userId);
    await tx
      .update(users)
      .set({ twoFactor: "none", totpSecret: null, totpLastStep: null, sessionVersion: sql`${users.sessionVersion} + 1` })
      .where(eq(users.id, userId));
    await tx.delete(passkeys).where(eq(passkeys.userId, userId));
    await deleteRecoveryCodes(tx, userId);
    await cancelEmailChanges(tx, userId);
    const [admin] = await tx.select({ name: users.name }).from(users).where(eq(users.id, actor.id)).limit(1);
    await writeAudit(tx, {
      actor: auditActor(actor),
      action: "user.second_factor_reset",
      entityType: "user",
      entityId: userId,
      before: { twoFactor: target.twoFactor, passkeys: before.passkeys, recoveryCodes: before.recoveryCodes },
      after: { twoFactor: "none", passkeys: 0, recoveryCodes: 0 },
      ip: actor.ip,
    });
    await enqueue(tx, {
      channel: "email",
      to: target.email,
      template: "second_factor_reset",
      data: { name: target.name, resetBy: admin?.name ?? "An administrator", signInUrl: `${env().APP_URL.replace(/\/+$/, "")}/login` },
      related: { type: "user", id: userId },
      idempotencyKey: `second-factor-reset:${userId}:${now.getTime()}`,
    });
  });
  kickOutbox();
}
