import { canReadInvoice } from "@/lib/invoices/access";
import { getInvoicePdf } from "@/lib/pdf/invoice-pdf";
import { notFoundResponse, routeIdOrNull } from "@/lib/http/responses";
import { answerPrinterBusy, pdfResponse } from "@/lib/pdf/responses";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/**
 * The invoice PDF. Access first: a staff or admin session, the owning
 * client's session, or ?token= with a valid signed link to this invoice.
 * Anything else is 404, the same as an id that doesn't exist. A busy printer
 * is 503 with Retry-After.
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const id = routeIdOrNull((await params).id);
  const token = new URL(request.url).searchParams.get("token");
  if (!id || !(await canReadInvoice(id, token))) return notFoundResponse();
  const download = new URL(request.url).searchParams.get("download") === "1";
  return answerPrinterBusy(async () => {
    const rendered = await getInvoicePdf(id);
    if (!rendered) return notFoundResponse();
    return pdfResponse(rendered.pdf, rendered.filename, download, rendered.cached);
  });
}
