import { canReadPayment } from "@/lib/invoices/access";
import { getReceiptPdf } from "@/lib/pdf/receipt-pdf";
import { notFoundResponse, routeIdOrNull } from "@/lib/http/responses";
import { answerPrinterBusy, pdfResponse } from "@/lib/pdf/responses";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** A payment's receipt PDF, under the same access rule as its invoice; a busy printer is 503 with Retry-After. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const id = routeIdOrNull((await params).id);
  const token = new URL(request.url).searchParams.get("token");
  if (!id || !(await canReadPayment(id, token))) return notFoundResponse();
  return answerPrinterBusy(async () => {
    const rendered = await getReceiptPdf(id);
    if (!rendered) return notFoundResponse();
    return pdfResponse(rendered.pdf, rendered.filename, true, false);
  });
}
