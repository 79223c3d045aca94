import { invoiceSetTotals } from "@/db/queries/invoice-list";
import { getSettings } from "@/db/queries/settings";
import { userWithPermission } from "@/lib/auth/session";
import { getBusinessToday } from "@/lib/business-time";
import { notFoundResponse } from "@/lib/http/responses";
import { parseInvoiceListParams } from "@/lib/validation/invoices";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/**
 * Invoiced, paid and outstanding for the list's current filters. The list
 * page asks for it after it renders, so a sum over a large set never slows
 * the list itself.
 */
export async function GET(request: Request) {
  if (!(await userWithPermission("invoices:read"))) return notFoundResponse();
  const settings = await getSettings();
  const search = new URL(request.url).searchParams;
  const raw: Record<string, string[]> = {};
  for (const [key, value] of search) (raw[key] ??= []).push(value);
  const totals = await invoiceSetTotals(parseInvoiceListParams(raw, settings.defaultCurrency, settings.locale), await getBusinessToday());
  return Response.json({ totals }, { headers: { "cache-control": "private, no-store" } });
}
