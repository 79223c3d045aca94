import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/db";
import { settings } from "@/db/schema";
import { auditActor, changes, type Actor } from "@/lib/actor";
import { writeAudit } from "@/lib/audit";
import type { SettingsInput } from "@/lib/validation/settings";
import { inTransaction } from "@/lib/transaction";

/** Saves the company settings (the single row id = 1), creating it on a fresh database. */
export async function updateSettings(db: Db, input: SettingsInput, actor: Actor): Promise<void> {
  await inTransaction(db, async (tx) => {
    const [before] = await tx
      .select({
        companyName: settings.companyName,
        companyAddress: settings.companyAddress,
        defaultCurrency: settings.defaultCurrency,
        locale: settings.locale,
        timeZone: settings.timeZone,
        taxRateBp: settings.taxRateBp,
        invoicePrefix: settings.invoicePrefix,
        dueDays: settings.dueDays,
        senderName: settings.senderName,
        minPaymentMinor: settings.minPaymentMinor,
        bankInstructions: settings.bankInstructions,
        cashInstructions: settings.cashInstructions,
      })
      .from(settings)
      .where(eq(settings.id, 1))
      .limit(1)
      .for("update");
    if (!before) {
      await tx.insert(settings).values({ id: 1, ...input });
      await writeAudit(tx, { actor: auditActor(actor), action: "settings.update", entityType: "settings", entityId: 1, before: null, after: { ...input }, ip: actor.ip });
      return;
    }
    const diff = changes(before, input);
    if (!diff) return;
    await tx.update(settings).set(input).where(eq(settings.id, 1));
    await writeAudit(tx, { actor: auditActor(actor), action: "settings.update", entityType: "settings", entityId: 1, ...diff, ip: actor.ip });
  });
}
