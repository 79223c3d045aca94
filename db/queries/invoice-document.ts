import "server-only";
import { asc, and, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { clients, invoiceItems, invoices, payments } from "@/db/schema";
import type { InvoiceDocumentData } from "@/components/invoices/invoice-document-types";
import { getSettings } from "./settings";

/**
 * The invoice document's data, for the HTML view, the public link and the
 * PDF. Callers check access first; this reads by id only.
 */
export async function getInvoiceDocument(invoiceId: number): Promise<InvoiceDocumentData | null> {
  const db = getDb();
  const [row] = await db
    .select({
      invoice: {
        id: invoices.id,
        number: invoices.number,
        status: invoices.status,
        issueDate: invoices.issueDate,
        dueDate: invoices.dueDate,
        currency: invoices.currency,
        subtotalMinor: invoices.subtotalMinor,
        taxMinor: invoices.taxMinor,
        discountMinor: invoices.discountMinor,
        totalMinor: invoices.totalMinor,
        amountPaidMinor: invoices.amountPaidMinor,
        notes: invoices.notes,
        voidReason: invoices.voidReason,
        periodStart: invoices.periodStart,
        periodEnd: invoices.periodEnd,
        version: invoices.version,
      },
      client: { name: clients.name, company: clients.company, email: clients.email, phone: clients.phone, address: clients.address },
    })
    .from(invoices)
    .innerJoin(clients, eq(clients.id, invoices.clientId))
    .where(eq(invoices.id, invoiceId))
    .limit(1);
  if (!row) return null;
  const [lines, paid, settings] = await Promise.all([
    db
      .select({
        description: invoiceItems.description,
        quantityMilli: invoiceItems.quantityMilli,
        unitPriceMinor: invoiceItems.unitPriceMinor,
        taxRateBp: invoiceItems.taxRateBp,
        lineTotalMinor: invoiceItems.lineTotalMinor,
        taxMinor: invoiceItems.taxMinor,
      })
      .from(invoiceItems)
      .where(eq(invoiceItems.invoiceId, invoiceId))
      .orderBy(asc(invoiceItems.position)),
    db
      .select({ id: payments.id, receivedAt: payments.receivedAt, method: payments.method, reference: payments.reference, amountMinor: payments.amountMinor })
      .from(payments)
      .where(and(eq(payments.invoiceId, invoiceId), eq(payments.status, "succeeded")))
      .orderBy(asc(payments.receivedAt), asc(payments.id)),
    getSettings(),
  ]);
  return {
    company: { name: settings.companyName, address: settings.companyAddress, email: settings.companyEmail, phone: settings.companyPhone, logo: settings.logo, locale: settings.locale, timeZone: settings.timeZone },
    client: row.client,
    invoice: row.invoice,
    lines,
    payments: paid,
    instructions: { bank: settings.bankInstructions, cash: settings.cashInstructions },
  };
}
