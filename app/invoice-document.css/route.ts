import { invoiceDocumentCss } from "@/documents/invoice-document-css";
import { versionedFileCacheControl } from "@/lib/versioned-file";

// Written once, at build time: the stylesheet doesn't change between requests.
export const dynamic = "force-static";

/**
 * The invoice document's stylesheet for pages that show it (the PDF inlines
 * the same string). Its address carries a version (CLIENTDESK_INVOICE_CSS in
 * next.config.mjs, from documents/invoice-document-css.ts), so browsers may
 * keep it for a year and a deploy that changes it asks for a new one.
 */
export function GET(): Response {
  return new Response(invoiceDocumentCss, {
    headers: { "content-type": "text/css; charset=utf-8", "cache-control": versionedFileCacheControl },
  });
}
