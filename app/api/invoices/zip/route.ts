import { userWithPermission } from "@/lib/auth/session";
import { getInvoicePdf } from "@/lib/pdf/invoice-pdf";
import { notFoundResponse } from "@/lib/pdf/responses";
import { buildZip } from "@/lib/zip";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const MAX_FILES = 100;

/** A ZIP of the selected invoices' PDFs (?ids=1,2,3). Staff and admins only; anyone else gets 404. */
export async function GET(request: Request) {
  if (!(await userWithPermission("invoices:read"))) return notFoundResponse();
  const raw = new URL(request.url).searchParams.getAll("ids").flatMap((v) => v.split(","));
  const ids = [...new Set(raw.map(Number).filter((n) => Number.isSafeInteger(n) && n > 0))].slice(0, MAX_FILES);
  if (ids.length === 0) return new Response("Select at least one invoice.", { status: 400, headers: { "content-type": "text/plain; charset=utf-8" } });
  // The pool bounds how many print at once; the rest wait their turn.
  const rendered = await Promise.all(ids.map((id) => getInvoicePdf(id)));
  const entries = rendered.flatMap((r) => (r ? [{ name: r.filename, data: r.pdf }] : []));
  if (entries.length === 0) return notFoundResponse();
  const zip = buildZip(entries);
  const stamp = new Date().toISOString().slice(0, 10);
  return new Response(new Uint8Array(zip), {
    headers: {
      "content-type": "application/zip",
      "content-length": String(zip.length),
      "content-disposition": `attachment; filename="invoices-${stamp}.zip"`,
      "cache-control": "private, no-store",
    },
  });
}
