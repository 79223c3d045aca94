import "server-only";
import { createHash } from "node:crypto";
import { eq } from "drizzle-orm";
import { createElement } from "react";
import { getDb } from "@/db";
import { clients, invoices } from "@/db/schema";
import { getInvoiceDocument, invoiceDocumentColumns, type InvoiceDocumentData } from "@/db/queries/invoice-document";
import { getSettings } from "@/db/queries/settings";
import { InvoiceDocument } from "@/documents/invoice-document";
import type { PrintPriority } from "./browser-pool";
import { PdfCache } from "./cache";
import { pdfHtmlPage, printPdf, type PrintableDocument } from "./print";

const store = globalThis as unknown as { __clientdeskPdfCache?: PdfCache };

export function getPdfCache(): PdfCache {
  store.__clientdeskPdfCache ??= new PdfCache();
  return store.__clientdeskPdfCache;
}

export function invoiceTitle(data: Pick<InvoiceDocumentData, "invoice" | "company">): string {
  return data.invoice.number ? `Invoice ${data.invoice.number}` : `Draft invoice #${data.invoice.id}`;
}

/** The invoice document rendered to static markup, ready to print. */
export async function invoicePrintable(data: InvoiceDocumentData): Promise<PrintableDocument> {
  // Loaded on demand: react-dom/server is only for this static render, never for the app's pages.
  const { renderToStaticMarkup } = await import("react-dom/server");
  return { title: invoiceTitle(data), footerLabel: `${data.company.name} · ${invoiceTitle(data)}`, bodyHtml: renderToStaticMarkup(createElement(InvoiceDocument, { data })) };
}

/** The same document as one complete static HTML page. */
export async function renderInvoiceHtml(data: InvoiceDocumentData): Promise<string> {
  return pdfHtmlPage(await invoicePrintable(data));
}

export async function renderInvoicePdf(data: InvoiceDocumentData, priority: PrintPriority = "interactive"): Promise<Buffer> {
  return printPdf(await invoicePrintable(data), { priority });
}

export type InvoicePdf = { pdf: Buffer; filename: string; cached: boolean; version: number };

/**
 * The PDF of an invoice's current version, from the cache when this version,
 * with the company's and the client's details printed on it, was rendered
 * before. The client's details are the client row's today (as on the invoice
 * page), so they are part of the key: a changed billing address prints anew.
 * Callers check access first. Bulk callers (ZIPs, email attachments) say so,
 * and wait behind people waiting for one PDF.
 */
export async function getInvoicePdf(invoiceId: number, { priority = "interactive" }: { priority?: PrintPriority } = {}): Promise<InvoicePdf | null> {
  const [[row], settings] = await Promise.all([
    getDb()
      .select({ version: invoices.version, number: invoices.number, client: invoiceDocumentColumns.client })
      .from(invoices)
      .innerJoin(clients, eq(clients.id, invoices.clientId))
      .where(eq(invoices.id, invoiceId))
      .limit(1),
    getSettings(),
  ]);
  if (!row) return null;
  const billTo = createHash("sha256").update(JSON.stringify(row.client)).digest("base64url").slice(0, 16);
  const key = `${invoiceId}:${row.version}:${settings.updatedAt.getTime()}:${billTo}`;
  const { pdf, cached } = await getPdfCache().getOrRender(key, async () => {
    const data = await getInvoiceDocument(invoiceId);
    if (!data) throw new Error(`Invoice ${invoiceId} disappeared while rendering its PDF`);
    return renderInvoicePdf(data, priority);
  });
  return { pdf, cached, version: row.version, filename: `${row.number ?? `draft-invoice-${invoiceId}`}.pdf` };
}
