import "server-only";
import { createElement } from "react";
import { getReceiptData } from "@/db/queries/payments";
import { ReceiptDocument } from "@/documents/receipt-document";
import type { PrintPriority } from "./browser-pool";
import { getPdfCache } from "./invoice-pdf";
import { printPdf } from "./print";

export type ReceiptPdf = { pdf: Buffer; filename: string };

/** A payment's receipt PDF, cached until the payment or its invoice changes. Callers check access first. */
export async function getReceiptPdf(paymentId: number, { priority = "interactive" }: { priority?: PrintPriority } = {}): Promise<ReceiptPdf | null> {
  const data = await getReceiptData(paymentId);
  if (!data) return null;
  const label = data.invoice.number ?? `#${data.invoice.id}`;
  const key = `receipt:${paymentId}:${data.payment.status}:${data.payment.refundedMinor}:${data.invoice.version}`;
  const { pdf } = await getPdfCache().getOrRender(key, async () => {
    const { renderToStaticMarkup } = await import("react-dom/server");
    return printPdf(
      { title: `Receipt for ${label}`, footerLabel: `${data.company.name} · Receipt for ${label}`, bodyHtml: renderToStaticMarkup(createElement(ReceiptDocument, { data })) },
      { priority },
    );
  });
  return { pdf, filename: `receipt-${label}-${paymentId}.pdf` };
}
