import { InvoiceDocument } from "@/documents/invoice-document";
import type { InvoiceDocumentData } from "@/db/queries/invoice-document";

/** The invoice document on a white sheet: it stays paper-white in dark mode, like the PDF. Its stylesheet is the file the browser keeps. */
export function InvoicePaper({ data, titleLevel }: { data: InvoiceDocumentData; titleLevel?: 1 | 2 }) {
  return (
    <div data-invoice-document className="overflow-hidden rounded-lg border bg-white shadow-sm dark:border-white/10">
      <InvoiceDocument data={data} titleLevel={titleLevel} stylesheet="linked" />
    </div>
  );
}
