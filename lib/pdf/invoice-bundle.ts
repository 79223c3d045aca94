import "server-only";
import type { ZipFile } from "@/lib/zip-stream";
import { getInvoicePdf } from "./invoice-pdf";
import { safeFilename } from "./responses";

/**
 * The PDFs of the given invoices, in order, skipping ids that don't exist,
 * printed one at a time as bulk work: behind anyone waiting for a single PDF,
 * on at most one pooled page. The first one is printed before this returns,
 * so the caller can still answer 404 (none exist) or 503 (printer busy)
 * before it starts a download; null means none exist.
 */
export async function invoiceBundle(ids: readonly number[]): Promise<AsyncIterable<ZipFile> | null> {
  let index = 0;
  const printNext = async (): Promise<ZipFile | null> => {
    while (index < ids.length) {
      const rendered = await getInvoicePdf(ids[index++]!, { priority: "bulk" });
      if (rendered) return { name: safeFilename(rendered.filename), data: rendered.pdf };
    }
    return null;
  };
  const first = await printNext();
  if (!first) return null;
  return (async function* () {
    for (let file: ZipFile | null = first; file; file = await printNext()) yield file;
  })();
}
