import "server-only";
import { asc, and, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { invoiceSummaryColumns } from "./columns";
import { clients, invoiceItems, invoices, payments, type InvoiceStatus, type PaymentMethod } from "@/db/schema";
import { getSettings } from "./settings";

/** Everything the invoice document shows: the HTML view and the PDF render the same data. */
export type InvoiceDocumentData = {
  /** `locale` and `timeZone` are the business's: the document's dates are written in them. */
  company: { name: string; address: string; email: string | null; phone: string | null; logo: string | null; locale: string; timeZone: string };
  client: { name: string; company: string | null; email: string | null; phone: string | null; address: string | null };
  invoice: {
    id: number;
    number: string | null;
    status: InvoiceStatus;
    issueDate: string;
    dueDate: string;
    currency: string;
    subtotalMinor: number;
    taxMinor: number;
    discountMinor: number;
    totalMinor: number;
    amountPaidMinor: number;
    notes: string | null;
    voidReason: string | null;
    periodStart: string | null;
    periodEnd: string | null;
    version: number;
  };
  lines: { description: string; quantityMilli: number; unitPriceMinor: number; taxRateBp: number; lineTotalMinor: number; taxMinor: number }[];
  /** Succeeded payments only: what counts toward amount_paid. */
  payments: { id: number; receivedAt: Date | null; method: PaymentMethod; reference: string | null; amountMinor: number }[];
  instructions: { bank: string | null; cash: string | null };
};

/**
 * The invoice document's data, for the HTML view, the public link and the
 * PDF. Callers check access first; this reads by id only.
 */
export async function getInvoiceDocument(invoiceId: number): Promise<InvoiceDocumentData | null> {
  const db = getDb();
  const [row] = await db
    .select({
      invoice: {
        ...invoiceSummaryColumns,
        subtotalMinor: invoices.subtotalMinor,
        taxMinor: invoices.taxMinor,
        discountMinor: invoices.discountMinor,
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
    company: {
      name: settings.companyName,
      address: settings.companyAddress,
      email: settings.companyEmail,
      phone: settings.companyPhone,
      logo: settings.logo,
      locale: settings.locale,
      timeZone: settings.timeZone,
    },
    client: row.client,
    invoice: row.invoice,
    lines,
    payments: paid,
    instructions: { bank: settings.bankInstructions, cash: settings.cashInstructions },
  };
}
