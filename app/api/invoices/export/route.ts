import { exportInvoices } from "@/db/queries/invoice-list";
import { getSettings } from "@/db/queries/settings";
import { userWithPermission } from "@/lib/auth/session";
import { getBusinessToday } from "@/lib/business-time";
import { toCsvHeader, toCsvLine } from "@/lib/csv";
import { amountOwed, displayStatus, statusLabel } from "@/lib/invoices/status";
import { toDecimalString } from "@/lib/money";
import { notFoundResponse } from "@/lib/http/responses";
import { parseInvoiceListParams } from "@/lib/validation/invoices";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const HEADER = ["Number", "Status", "Client", "Client email", "Issue date", "Due date", "Currency", "Subtotal", "Discount", "Tax", "Total", "Paid", "Balance"];

/** The filtered invoice list as CSV, streamed in id order with the same filters as the page. */
export async function GET(request: Request) {
  if (!(await userWithPermission("invoices:read"))) return notFoundResponse();
  const settings = await getSettings();
  const params = parseInvoiceListParams(Object.fromEntries(groupParams(new URL(request.url).searchParams)), settings.defaultCurrency, settings.locale);
  const today = await getBusinessToday();
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      try {
        controller.enqueue(encoder.encode(toCsvHeader(HEADER)));
        for await (const batch of exportInvoices(params, today)) {
          const text = batch
            .map((r) =>
              toCsvLine([
                r.number ?? "",
                statusLabel[displayStatus(r.status, r.dueDate, today)],
                r.clientName,
                r.clientEmail ?? "",
                r.issueDate,
                r.dueDate,
                r.currency,
                toDecimalString(r.subtotalMinor, r.currency),
                toDecimalString(r.discountMinor, r.currency),
                toDecimalString(r.taxMinor, r.currency),
                toDecimalString(r.totalMinor, r.currency),
                toDecimalString(r.amountPaidMinor, r.currency),
                toDecimalString(amountOwed(r), r.currency),
              ]),
            )
            .join("");
          controller.enqueue(encoder.encode(text));
        }
        controller.close();
      } catch (error) {
        console.error("[invoices export] failed", error);
        controller.error(error);
      }
    },
  });
  return new Response(stream, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="invoices-${today}.csv"`,
      "cache-control": "private, no-store",
    },
  });
}

function groupParams(search: URLSearchParams): [string, string[]][] {
  const out = new Map<string, string[]>();
  for (const [key, value] of search) out.set(key, [...(out.get(key) ?? []), value]);
  return [...out];
}
