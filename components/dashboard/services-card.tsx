import { IntentLink } from "@/components/ui/intent-link";
import { ChartImage } from "@/components/charts/chart-image";
import { ServicesChart } from "@/components/charts/lazy-charts";
import { Button } from "@/components/ui/button";
import { getTopServices } from "@/db/queries/dashboard";
import { formatMoney } from "@/lib/money";
import { ChartCard, ChartEmpty } from "./chart-card";
import { ChartData } from "./chart-data";
import type { DashboardContext } from "./context";

export const SERVICES_TITLE = "Top services";

const count = new Intl.NumberFormat("en-US");

/** The services that brought in the most, by invoiced line value in the period. */
export async function ServicesCard({ ctx, className }: { ctx: DashboardContext; className?: string }) {
  const { area, currency, locale, range } = ctx;
  const top = await getTopServices(currency, range);
  const bars = top.map((s) => ({ key: String(s.id), name: s.archived ? `${s.name} (archived)` : s.name, value: s.amountMinor, href: `${area}/services/${s.id}` }));
  return (
    <ChartCard title={SERVICES_TITLE} description={`Invoiced in this period, before tax, on invoices not void (${currency})`} href={`${area}/services`} linkLabel="All services" className={className}>
      {top.length === 0 ? (
        <ChartEmpty
          title="No service revenue in this period"
          description="Invoice lines that bill a service from your catalogue add up here."
          action={
            <Button asChild size="sm" variant="outline">
              <IntentLink href={`${area}/services`}>Open services</IntentLink>
            </Button>
          }
        />
      ) : (
        <>
          <ChartImage label={`Bar chart of the top services by invoiced value: ${bars.map((b) => `${b.name} ${formatMoney(b.value, currency, locale)}`).join(", ")}.`}>
            <ServicesChart currency={currency} locale={locale} data={bars} />
          </ChartImage>
          <ChartData
            caption="Top services by invoiced value"
            columns={["Service", "Lines", "Invoiced"]}
            rows={bars.map((b, i) => ({
              key: b.key,
              cells: [
                <IntentLink key="l" href={b.href} className="text-primary hover:underline">
                  {b.name}
                </IntentLink>,
                count.format(top[i]!.lines),
                formatMoney(b.value, currency, locale),
              ],
            }))}
          />
        </>
      )}
    </ChartCard>
  );
}
