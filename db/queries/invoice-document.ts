import "server-only";
import { asc, eq, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { prepared } from "@/db/prepared";
import { invoiceSummaryColumns } from "./columns";
import { clients, invoiceItems, invoices, payments, type InvoiceStatus, type PaymentMethod } from "@/db/schema";
import { getSettings, type CompanySettings } from "./settings";

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
  /** Succeeded payments; `refundedMinor` is what was given back of one (a part refund keeps it succeeded). */
  payments: { id: number; receivedAt: Date | null; method: PaymentMethod; reference: string | null; amountMinor: number; refundedMinor: number }[];
  instructions: { bank: string | null; cash: string | null };
};

/** The invoice's and its client's columns the document shows. */
export const invoiceDocumentColumns = {
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
};

type DocumentRow = Pick<InvoiceDocumentData, "invoice" | "client">;
type DocumentPayment = InvoiceDocumentData["payments"][number];

/** Exactly the columns of `columns` from a row read with more, so a wider read never widens the document. */
function pick<C extends object, T extends Record<keyof C, unknown>>(row: T, columns: C): { [K in keyof C]: T[K] } {
  return Object.fromEntries(Object.keys(columns).map((k) => [k, row[k as keyof C]])) as { [K in keyof C]: T[K] };
}

/** The document's invoice and client, picked from an invoice row (and its client) read with at least invoiceDocumentColumns. */
export function documentRowOf<I extends InvoiceDocumentData["invoice"], C extends InvoiceDocumentData["client"]>(invoice: I, client: C): DocumentRow {
  return { invoice: pick(invoice, invoiceDocumentColumns.invoice), client: pick(client, invoiceDocumentColumns.client) };
}

/** The succeeded payments of an invoice's payment list (any status, any order), oldest first as the document lists them. */
export function succeededPaymentsOf(list: readonly (DocumentPayment & { status: string })[]): DocumentPayment[] {
  const time = (p: DocumentPayment) => p.receivedAt?.getTime() ?? -Infinity;
  return list
    .filter((p) => p.status === "succeeded")
    .map(({ id, receivedAt, method, reference, amountMinor, refundedMinor }) => ({ id, receivedAt, method, reference, amountMinor, refundedMinor }))
    .sort((a, b) => time(a) - time(b) || a.id - b.id);
}

// Every invoice view reads its lines: built once (db/prepared.ts).
const linesQuery = prepared((db) =>
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
    .where(eq(invoiceItems.invoiceId, sql.placeholder("invoiceId")))
    .orderBy(asc(invoiceItems.position))
    .prepare(),
);

const readLines = (invoiceId: number) => linesQuery().execute({ invoiceId });

function assemble(row: DocumentRow, lines: InvoiceDocumentData["lines"], paid: DocumentPayment[], settings: CompanySettings): InvoiceDocumentData {
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

/**
 * The invoice document's data, for the HTML view, the public link and the
 * PDF. Callers check access first; this reads by id only.
 */
export async function getInvoiceDocument(invoiceId: number): Promise<InvoiceDocumentData | null> {
  const db = getDb();
  const [row] = await db.select(invoiceDocumentColumns).from(invoices).innerJoin(clients, eq(clients.id, invoices.clientId)).where(eq(invoices.id, invoiceId)).limit(1);
  if (!row) return null;
  const [lines, list, settings] = await Promise.all([
    readLines(invoiceId),
    db
      .select({
        id: payments.id,
        receivedAt: payments.receivedAt,
        method: payments.method,
        reference: payments.reference,
        amountMinor: payments.amountMinor,
        refundedMinor: payments.refundedMinor,
        status: payments.status,
      })
      .from(payments)
      .where(eq(payments.invoiceId, invoiceId)),
    getSettings(),
  ]);
  // The page's path (completeInvoiceDocument) and this one pick and order the payments by the same rule.
  return assemble(row, lines, succeededPaymentsOf(list), settings);
}

/**
 * The same document for a page that has already read the invoice row (see
 * documentRowOf) and its payments (see succeededPaymentsOf): only its lines
 * are read (the settings are read once per request).
 */
export async function completeInvoiceDocument(row: DocumentRow, paid: DocumentPayment[]): Promise<InvoiceDocumentData> {
  const [lines, settings] = await Promise.all([readLines(row.invoice.id), getSettings()]);
  return assemble(row, lines, paid, settings);
}
