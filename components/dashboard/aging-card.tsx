import { IntentLink } from "@/components/ui/intent-link";
import { ChartImage } from "@/components/charts/chart-image";
import { AgingChart } from "@/components/charts/lazy-charts";
import { getReceivablesAging, receivablesTotals, type AgingBucket } from "@/db/queries/dashboard";
import { invoicesHref, OPEN_DISPLAY_STATUSES } from "@/lib/dashboard/links";
import { OPEN_STATUSES } from "@/lib/invoices/status";
import { formatMoney } from "@/lib/money";
import { ChartCard, ChartEmpty } from "./chart-card";
import { ChartData } from "./chart-data";
import type { DashboardContext } from "./context";
import { plural } from "@/lib/plural";

export const AGING_TITLE = "Receivables aging";

// Short, so every bar keeps its label on a phone; the description says "days past due".
const bucketLabel: Record<AgingBucket, string> = { current: "Not due", "1-30": "1–30", "31-60": "31–60", "61-90": "61–90", "90+": "90+" };
const count = new Intl.NumberFormat("en-US");

/** What is owed today, by how far past due. Not tied to the period: it is today's position. */
export async function AgingCard({ ctx, className }: { ctx: DashboardContext; className?: string }) {
  const { area, currency, locale, today } = ctx;
  const aging = await getReceivablesAging(currency, today);
  const totals = receivablesTotals(aging);
  const points = aging.map((a) => ({
    label: bucketLabel[a.bucket],
    Outstanding: a.balanceMinor,
    count: a.count,
    // Not yet due: sent or partially paid, due today or later. Past due: the list's overdue filter.
    href: invoicesHref(area, currency, { status: a.bucket === "current" ? [...OPEN_STATUSES] : ["overdue"], dueFrom: a.dueFrom, dueTo: a.dueTo }),
  }));
  const money = (minor: number) => formatMoney(minor, currency, locale);
  return (
    <ChartCard
      title={AGING_TITLE}
      description={totals.openInvoices > 0 ? `${money(totals.outstandingMinor)} owed today on ${plural(totals.openInvoices, "invoice")}, by days past due` : "Nothing is owed today"}
      href={invoicesHref(area, currency, { status: OPEN_DISPLAY_STATUSES })}
      linkLabel="View unpaid"
      className={className}
    >
      {totals.openInvoices === 0 ? (
        <ChartEmpty title="Nothing is owed" description="Sent and partially paid invoices will show here by how long they have been due." />
      ) : (
        <>
          <ChartImage label={`Bar chart of what is owed by days past due: ${points.map((p) => `${p.label} ${money(p.Outstanding)}`).join(", ")}.`}>
            <AgingChart data={points.map(({ label, Outstanding, href }) => ({ label, Outstanding, href }))} currency={currency} locale={locale} />
          </ChartImage>
          <ChartData
            caption="Open balances by days past due"
            columns={["Days past due", "Invoices", "Owed"]}
            rows={points.map((p) => ({
              key: p.label,
              cells: [
                <IntentLink key="l" href={p.href} className="text-primary hover:underline">
                  {p.label}
                </IntentLink>,
                count.format(p.count),
                money(p.Outstanding),
              ],
            }))}
          />
        </>
      )}
    </ChartCard>
  );
}
