import "server-only";

export function parseId(raw: string): number | null {
  return /^\d{1,15}$/.test(raw) && Number(raw) > 0 ? Number(raw) : null;
}

export function notFoundResponse(): Response {
  return new Response("Not found", { status: 404, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" } });
}

/** A PDF for the browser: shown inline, or downloaded, never cached by shared caches. */
export function pdfResponse(pdf: Buffer, filename: string, download: boolean, cached: boolean): Response {
  const safe = filename.replace(/[^\w.-]+/g, "_");
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
