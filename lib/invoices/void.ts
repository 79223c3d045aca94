import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { invoices, payments } from "@/db/schema";
import { writeAudit } from "@/lib/audit";
import { DomainError } from "@/lib/errors";
import { readSettings } from "@/db/queries/settings";
import { formatMoney } from "@/lib/money";
import { inTransaction } from "@/lib/transaction";
import { auditActor, type ActorOrSystem } from "@/lib/actor";
import { applyInvoiceChange } from "@/lib/rollups/invoices";
import { invoiceFacts, invoiceSnapshot, lockInvoice } from "./lock";

/**
 * Voids an issued invoice with a reason. Money must be settled first: a void
 * invoice keeps no succeeded or pending payments, so rule 1 still holds.
 */
export async function voidInvoice(db: DbOrTx, input: { invoiceId: number; reason: string; actor: ActorOrSystem; now?: Date }): Promise<{ id: number; version: number }> {
  return inTransaction(db, async (tx) => {
    const current = await lockInvoice(tx, input.invoiceId);
    if (current.status === "draft") throw new DomainError("A draft has no number yet. Delete it instead of voiding it.");
    if (current.status === "void") throw new DomainError("This invoice is already void.");
    if (current.amountPaidMinor > 0) {
      const { locale } = await readSettings(tx);
      throw new DomainError(`This invoice has ${formatMoney(current.amountPaidMinor, current.currency, locale)} in payments. Refund them before voiding it.`);
    }
    const [pending] = await tx
      .select({ n: sql<number>`count(*)` })
      .from(payments)
      .where(and(eq(payments.invoiceId, current.id), eq(payments.status, "pending")));
    if (Number(pending?.n ?? 0) > 0) throw new DomainError("A payment on this invoice is waiting for confirmation. Confirm or reject it first.");
    const version = current.version + 1;
    await tx
      .update(invoices)
      .set({ status: "void", voidReason: input.reason, voidedAt: input.now ?? new Date(), version })
      .where(eq(invoices.id, current.id));
    await applyInvoiceChange(tx, invoiceFacts(current), invoiceFacts({ ...current, status: "void" }));
    await writeAudit(tx, {
      actor: auditActor(input.actor),
      action: "invoice.void",
      entityType: "invoice",
      entityId: current.id,
      before: invoiceSnapshot(current),
      after: { ...invoiceSnapshot({ ...current, status: "void", version }), reason: input.reason },
      ip: input.actor.ip,
    });
    return { id: current.id, version };
  });
}
