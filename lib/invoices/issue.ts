import "server-only";
import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { invoices } from "@/db/schema";
import { readSettings } from "@/db/queries/settings";
import { writeAudit } from "@/lib/audit";
import { DomainError } from "@/lib/errors";
import { inTransaction } from "@/lib/transaction";
import { auditActor, type ActorOrSystem } from "@/lib/actor";
import { applyInvoiceChange } from "@/lib/rollups/invoices";
import { invoiceFacts, invoiceSnapshot, lockInvoice } from "./lock";
import { allocateInvoiceNumber } from "./numbering";

export type IssueResult = { id: number; number: string; version: number };

export const STALE_ISSUE_MESSAGE = "This draft changed since you opened it. Reload to see the changes before issuing.";

/**
 * Issues a draft: gives it the next number for its issue year and marks it
 * sent, which freezes its lines and amounts. One transaction, invoice row
 * locked first, then the counter row, then the dashboard rollups.
 *
 * expectedVersion is the version the person saw (the page's, or the one a
 * save just returned): checked under the lock, so a draft someone changed
 * meanwhile is refused with nothing changed instead of frozen unseen. The
 * billing run and subscriptions issue drafts they made in the same
 * transaction, so they pass none.
 */
export async function issueInvoice(db: DbOrTx, input: { invoiceId: number; expectedVersion?: number; actor: ActorOrSystem; clientScope?: number }): Promise<IssueResult> {
  return inTransaction(db, async (tx) => {
    const { invoicePrefix } = await readSettings(tx);
    const current = await lockInvoice(tx, input.invoiceId, input.clientScope);
    if (current.status !== "draft") throw new DomainError(`This invoice was already issued as ${current.number}.`);
    if (input.expectedVersion !== undefined && input.expectedVersion !== current.version) throw new DomainError(STALE_ISSUE_MESSAGE);
    if (current.totalMinor <= 0) throw new DomainError("An invoice needs a total above zero before it can be issued.");
    const number = await allocateInvoiceNumber(tx, invoicePrefix, Number(current.issueDate.slice(0, 4)));
    const version = current.version + 1;
    await tx.update(invoices).set({ number, status: "sent", version }).where(eq(invoices.id, current.id));
    await applyInvoiceChange(tx, invoiceFacts(current), invoiceFacts({ ...current, status: "sent" }));
    await writeAudit(tx, {
      actor: auditActor(input.actor),
      action: "invoice.issue",
      entityType: "invoice",
      entityId: current.id,
      before: invoiceSnapshot(current),
      after: invoiceSnapshot({ ...current, number, status: "sent", version }),
      ip: input.actor.ip,
    });
    return { id: current.id, number, version };
  });
}
