import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/db";
import { settings } from "@/db/schema";
import { auditActor, type Actor } from "@/lib/actor";
import { writeAudit } from "@/lib/audit";
import { DomainError } from "@/lib/errors";
import { inTransaction } from "@/lib/transaction";
import { getFactors, hasStrongFactor } from "./factors";

/**
 * Turns the back-office rule on or off: admins and staff must have an
 * authenticator app or a passkey. The admin turning it on must have one
 * already, so the setting can't lock out the person who changed it.
 */
export async function setSecondFactorPolicy(db: Db, actor: Actor, required: boolean): Promise<void> {
  if (required && !hasStrongFactor(await getFactors(db, actor.id))) {
    throw new DomainError("Set up your own authenticator app or passkey first (on your profile), then require one for everyone.");
  }
  await inTransaction(db, async (tx) => {
    const [row] = await tx.select({ required: settings.requireBackOfficeSecondFactor }).from(settings).where(eq(settings.id, 1)).limit(1).for("update");
    if (!row) throw new DomainError("Save the company settings first.");
    if (row.required === required) return;
    await tx.update(settings).set({ requireBackOfficeSecondFactor: required }).where(eq(settings.id, 1));
    await writeAudit(tx, {
      actor: auditActor(actor),
      action: "settings.second_factor_policy",
      entityType: "settings",
      entityId: 1,
      before: { requireBackOfficeSecondFactor: row.required },
      after: { requireBackOfficeSecondFactor: required },
      ip: actor.ip,
    });
  });
}
