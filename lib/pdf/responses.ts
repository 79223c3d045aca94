import "server-only";
import { plainResponse } from "@/lib/http/responses";
import { PrinterUnavailableError } from "./printer-errors";

/**
 * Runs a handler that prints. When the printer is busy past its wait, or a
 * print got stuck and was stopped, the answer is 503 with Retry-After, which
 * tells the person (and any client) to try again shortly.
 */
export async function answerPrinterBusy(handler: () => Promise<Response>): Promise<Response> {
  try {
    return await handler();
  } catch (error) {
    if (!(error instanceof PrinterUnavailableError)) throw error;
    console.warn(`[pdf] answered 503: ${error.message}`);
    return plainResponse(503, "The printer is busy. Try again in a moment.", { "retry-after": String(error.retryAfterSeconds) });
  }
}

/** A name safe in a download header or a ZIP entry: no path separators, quotes or control characters. */
export function safeFilename(name: string): string {
  return name.replace(/[^\w.-]+/g, "_");
}

/** A PDF for the browser: shown inline, or downloaded, never cached by shared caches. */
export function pdfResponse(pdf: Buffer, filename: string, download: boolean, cached: boolean): Response {
  const safe = safeFilename(filename);
  return new Response(new Uint8Array(pdf), {
    headers: {
      "content-type": "application/pdf",
      "content-length": String(pdf.length),
      "content-disposition": `${download ? "attachment" : "inline"}; filename="${safe}"`,
      "cache-control": "private, no-store",
      "x-content-type-options": "nosniff",
      "x-pdf-cache": cached ? "hit" : "miss",
    },
  });
}
