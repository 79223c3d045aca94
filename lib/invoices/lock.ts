import "server-only";
import { eq } from "drizzle-orm";
import type { Tx } from "@/db";
import { invoices } from "@/db/schema";
import { NotFoundError } from "@/lib/errors";
import type { InvoiceFacts } from "@/lib/rollups/invoices";

export type LockedInvoice = typeof invoices.$inferSelect;

/**
 * Locks an invoice row for the rest of the transaction (SELECT ... FOR
 * UPDATE). Every money change starts here, so two changes to one invoice
 * queue up instead of racing. A client scope that doesn't own the invoice
 * sees the same "not found" as a missing id.
 */
export async function lockInvoice(tx: Tx, invoiceId: number, clientScope?: number): Promise<LockedInvoice> {
  const [row] = await tx.select().from(invoices).where(eq(invoices.id, invoiceId)).limit(1).for("update");
  if (!row || (clientScope !== undefined && row.clientId !== clientScope)) throw new NotFoundError("That invoice");
  return row;
}

/** The columns an audit entry records for an invoice before and after a change. */
export function invoiceSnapshot(row: Pick<LockedInvoice, "status" | "number" | "totalMinor" | "amountPaidMinor" | "version">) {
  return { status: row.status, number: row.number, totalMinor: row.totalMinor, amountPaidMinor: row.amountPaidMinor, version: row.version };
}

/** The invoice as the dashboard rollups see it (lib/rollups/invoices.ts). */
export function invoiceFacts(row: Pick<LockedInvoice, "id" | "status" | "currency" | "issueDate" | "dueDate" | "totalMinor" | "amountPaidMinor">): InvoiceFacts {
  return { id: row.id, status: row.status, currency: row.currency, issueDate: row.issueDate, dueDate: row.dueDate, totalMinor: row.totalMinor, amountPaidMinor: row.amountPaidMinor };
}
