import { exportClients } from "@/db/queries/clients";
import { userWithPermission } from "@/lib/auth/session";
import { getBusinessTime, getBusinessToday } from "@/lib/business-time";
import { toCsvHeader, toCsvLine } from "@/lib/csv";
import { businessDay } from "@/lib/dates";
import { toDecimalString } from "@/lib/money";
import { formatPhone, regionFromLocale } from "@/lib/phone";
import { parseClientListParams } from "@/lib/validation/clients";

export const dynamic = "force-dynamic";

// `currency` is the client's billing currency (what the import reads back);
// each balance carries its own, since a client can owe in more than one.
const HEADER = ["id", "name", "company", "email", "phone", "address", "sms_opt_in", "currency", "archived", "created", "balance", "balance_currency"];

/**
 * The client list as CSV, with the same search and filters as the page (the
 * sort and page are ignored: the export is every match, in id order). It
 * streams in batches, so a large list never sits in memory.
 */
export async function GET(request: Request) {
  if (!(await userWithPermission("clients:read"))) return new Response("Not found", { status: 404 });
  const url = new URL(request.url);
  const raw: Record<string, string[]> = {};
  for (const [key, value] of url.searchParams) (raw[key] ??= []).push(value);
  const params = parseClientListParams(raw);

  const [{ timeZone, locale }, today] = await Promise.all([getBusinessTime(), getBusinessToday()]);
  // Phones as people read them (national at home, international abroad); the import reads both back.
  const phoneRegion = regionFromLocale(locale);
  const encoder = new TextEncoder();
  const batches = exportClients(params, today);
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(toCsvHeader(HEADER)));
    },
    async pull(controller) {
      try {
        const next = await batches.next();
        if (next.done) {
          controller.close();
          return;
        }
        let chunk = "";
        for (const c of next.value) {
          // A client owing in two currencies gets one line per currency, so amounts never mix.
          const balances = c.balances.length ? c.balances : [null];
          for (const b of balances) {
            const balance = b ? [toDecimalString(b.minor, b.currency), b.currency] : [toDecimalString(0, c.currency), c.currency];
            chunk += toCsvLine([
              c.id,
              c.name,
              c.company,
              c.email,
              formatPhone(c.phone, phoneRegion),
              c.address,
              c.smsOptIn ? "yes" : "no",
              c.currency,
              c.archivedAt ? "yes" : "no",
              businessDay(timeZone, c.createdAt),
              ...balance,
            ]);
          }
        }
        controller.enqueue(encoder.encode(chunk));
      } catch (error) {
        console.error("[clients export] failed", error);
        controller.error(error);
      }
    },
  });
  return new Response(stream, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="clients-${today}.csv"`,
      "cache-control": "no-store",
    },
  });
}
