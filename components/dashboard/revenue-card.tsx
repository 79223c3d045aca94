import { IntentLink } from "@/components/ui/intent-link";
import { ChartImage } from "@/components/charts/chart-image";
import { RevenueChart } from "@/components/charts/lazy-charts";
import { Button } from "@/components/ui/button";
import { getRevenueSeries } from "@/db/queries/dashboard";
import { clip, invoicesHref } from "@/lib/dashboard/links";
import { bucketEnd, bucketLabel, bucketStarts } from "@/lib/dashboard/range";
import { formatMoney, sumMinor } from "@/lib/money";
import { ChartCard, ChartEmpty } from "./chart-card";
import { ChartData } from "./chart-data";
import type { DashboardContext } from "./context";

export const REVENUE_TITLE = "Revenue";

/** Invoiced against paid, per day or month of issue. */
export async function RevenueCard({ ctx, className }: { ctx: DashboardContext; className?: string }) {
  const { area, currency, locale, range, today } = ctx;
  const series = await getRevenueSeries(currency, range, range.bucket, today);
  const points = bucketStarts(range).map((start) => {
    const sums = series.get(start) ?? { invoicedMinor: 0, paidMinor: 0 };
    const days = clip(start, bucketEnd(start, range), range);
    return { label: bucketLabel(start, range.bucket), Invoiced: sums.invoicedMinor, Paid: sums.paidMinor, href: invoicesHref(area, currency, { issuedFrom: days.from, issuedTo: days.to }) };
  });
  const empty = points.every((p) => p.Invoiced === 0 && p.Paid === 0);
  const money = (minor: number) => formatMoney(minor, currency, locale);
  return (
    <ChartCard
      title={REVENUE_TITLE}
      description={`Invoiced by ${range.bucket} of issue, against what has been paid on those invoices (${currency})`}
      href={invoicesHref(area, currency, { issuedFrom: range.from, issuedTo: range.to })}
      linkLabel="View invoices"
      className={className}
    >
      {empty ? (
        <ChartEmpty
          title="No invoices issued in this period"
          description={`Issued invoices and the payments on them will show here, ${range.bucket} by ${range.bucket}.`}
          action={
            <Button asChild size="sm" variant="outline">
              <IntentLink href={`${area}/invoices/new`}>Create an invoice</IntentLink>
            </Button>
          }
        />
      ) : (
        <>
          <ChartImage
            label={`Bar chart: invoiced against paid by ${range.bucket}, ${money(sumMinor(points.map((p) => p.Invoiced)))} invoiced and ${money(sumMinor(points.map((p) => p.Paid)))} paid in this period. Each ${range.bucket} is in the table below.`}
          >
            <RevenueChart data={points} currency={currency} locale={locale} />
          </ChartImage>
          <ChartData
            caption={`Invoiced and paid by ${range.bucket} of issue`}
            columns={[range.bucket === "month" ? "Month" : "Day", "Invoiced", "Paid"]}
            rows={points.map((p) => ({
              key: p.label,
              cells: [
                <IntentLink key="l" href={p.href} className="text-primary hover:underline">
                  {p.label}
                </IntentLink>,
                money(p.Invoiced),
                money(p.Paid),
              ],
            }))}
          />
        </>
      )}
    </ChartCard>
  );
}
