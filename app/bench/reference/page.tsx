import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { referenceInvoicePage } from "@/db/queries/invoice-list";
import { getSettings } from "@/db/queries/settings";
import { getBusinessToday } from "@/lib/business-time";
import { env } from "@/lib/env";
import { formatMoney } from "@/lib/money";
import { parseInvoiceListParams } from "@/lib/validation/invoices";

export const metadata: Metadata = { title: "Reference", robots: { index: false } };

/**
 * bench:web's floor (BENCH_REFERENCE=on; a 404 anywhere else): the invoice
 * list's 25 rows for the same filter, read by the same index in one query and
 * written as a plain table. No session, no shell, no client components: what
 * this build costs for a page that does the least a list page can do.
 */
export default async function BenchReference({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  if (env().BENCH_REFERENCE !== "on") notFound();
  const [{ locale, defaultCurrency }, today] = await Promise.all([getSettings(), getBusinessToday()]);
  const rows = await referenceInvoicePage(parseInvoiceListParams(await searchParams, defaultCurrency, locale), today);
  return (
    <main>
      <h1>Reference</h1>
      <table>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id}>
              <td>{r.number}</td>
              <td>{r.status}</td>
              <td>{r.issueDate}</td>
              <td>{r.dueDate}</td>
              <td>{formatMoney(r.totalMinor, r.currency, locale)}</td>
              <td>{formatMoney(r.amountPaidMinor, r.currency, locale)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </main>
  );
}
