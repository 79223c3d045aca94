import "server-only";
import { eq } from "drizzle-orm";
import type { Tx } from "@/db";
import { invoices } from "@/db/schema";
import { statusForAmounts } from "@/lib/invoices/amounts";
import { invoiceFacts, type LockedInvoice } from "@/lib/invoices/lock";
import { applyInvoiceChange } from "@/lib/rollups/invoices";

/**
 * Moves a locked invoice's amount_paid by delta and sets the status its
 * amounts call for. The caller holds the row lock and has checked the bounds;
 * the checks here are the last line, so rule 1 can't break even by mistake.
 */
export async function applyPaidDelta(tx: Tx, invoice: LockedInvoice, deltaMinor: number, now: Date): Promise<LockedInvoice> {
  const amountPaidMinor = invoice.amountPaidMinor + deltaMinor;
  if (amountPaidMinor < 0 || amountPaidMinor > invoice.totalMinor) {
    throw new Error(`amount_paid would leave [0, total] on invoice ${invoice.id}: ${amountPaidMinor} of ${invoice.totalMinor}`);
  }
  const status = statusForAmounts(invoice.totalMinor, amountPaidMinor);
  const paidAt = status === "paid" ? now : null;
  const version = invoice.version + 1;
  await tx.update(invoices).set({ amountPaidMinor, status, paidAt, version }).where(eq(invoices.id, invoice.id));
  const after = { ...invoice, amountPaidMinor, status, paidAt, version };
  await applyInvoiceChange(tx, invoiceFacts(invoice), invoiceFacts(after));
  return after;
}
