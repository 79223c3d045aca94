import { ChartImage } from "@/components/charts/chart-image";
import { PortalSpendingChart, PortalStatusChart } from "@/components/charts/lazy-charts";
import { ChartData } from "@/components/dashboard/chart-data";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { IntentLink } from "@/components/ui/intent-link";
import { getInvoiceStatusCounts, getSpendingByMonth } from "@/db/queries/portal";
import { statusLabel, type DisplayStatus } from "@/lib/invoices/status";
import { formatMoney, sumMinor } from "@/lib/money";
import { statusColor } from "./labels";

// "Mar 2026", never "Mar 26", which reads as a day of March.
const monthLabel = new Intl.DateTimeFormat("en-US", { month: "short", year: "numeric", timeZone: "UTC" });
const order: DisplayStatus[] = ["overdue", "sent", "partially_paid", "paid", "void"];
const filterFor: Partial<Record<DisplayStatus, string>> = { overdue: "overdue", sent: "open", partially_paid: "open", paid: "paid", void: "void" };

/** Spending by month and invoices by status. Each chart has its figures as text too, for screen readers and for reading exact numbers. */
export async function PortalCharts({ clientId, currency, locale, today, timeZone }: { clientId: number; currency: string; locale: string; today: string; timeZone: string }) {
  const [spend, statuses] = await Promise.all([getSpendingByMonth(clientId, currency, today, timeZone), getInvoiceStatusCounts(clientId, today)]);
  const points = spend.map((p) => ({ ...p, label: monthLabel.format(new Date(`${p.month}-01T00:00:00Z`)) }));
  const yearTotal = sumMinor(spend.map((p) => p.paidMinor));
  const slices = order.map((s) => ({ status: s, label: statusLabel[s], count: statuses.find((x) => x.status === s)?.count ?? 0, color: statusColor[s] })).filter((s) => s.count > 0);
  return (
    <div className="mt-6 grid gap-6 lg:grid-cols-5">
      <Card className="min-w-0 lg:col-span-3">
        <CardHeader>
          <CardTitle>Spending by month</CardTitle>
          <CardDescription>
            What you paid in the last 12 months: <span className="font-medium text-foreground">{formatMoney(yearTotal, currency, locale)}</span>
          </CardDescription>
        </CardHeader>
        <CardContent>
          {yearTotal === 0 ? (
            <p className="py-10 text-center text-sm text-muted-foreground">No payments in the last 12 months yet.</p>
          ) : (
            <>
              <ChartImage label={`Bar chart of what you paid each month: ${formatMoney(yearTotal, currency, locale)} in the last 12 months. Each month is in the table below.`}>
                <PortalSpendingChart data={points} currency={currency} locale={locale} />
              </ChartImage>
              <ChartData caption="Payments per month" columns={["Month", "Paid"]} rows={points.map((p) => ({ key: p.month, cells: [p.label, formatMoney(p.paidMinor, currency, locale)] }))} />
            </>
          )}
        </CardContent>
      </Card>
      <Card className="lg:col-span-2">
        <CardHeader>
          <CardTitle>Invoices by status</CardTitle>
          <CardDescription>All your invoices, as they stand today.</CardDescription>
        </CardHeader>
        <CardContent>
          {slices.length === 0 ? (
            <p className="py-10 text-center text-sm text-muted-foreground">No invoices yet.</p>
          ) : (
            <div className="flex flex-col items-center gap-6 sm:flex-row lg:flex-col xl:flex-row">
              <ChartImage className="shrink-0" label={`Donut chart of your invoices by status: ${slices.map((s) => `${s.label} ${s.count}`).join(", ")}.`}>
                <PortalStatusChart data={slices} />
              </ChartImage>
              <ul className="grid w-full gap-2 text-sm" aria-label="Invoices by status">
                {slices.map((s) => (
                  <li key={s.status}>
                    <IntentLink
                      href={`/portal/invoices?status=${filterFor[s.status]}`}
                      className="flex items-center gap-2 rounded-md px-2 py-1 hover:bg-accent focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring"
                    >
                      <span aria-hidden="true" className={`size-2.5 rounded-full bg-${s.color}-500`} />
                      <span>{s.label}</span>
                      <span className="ml-auto font-medium tabular-nums">{s.count}</span>
                    </IntentLink>
                  </li>
                ))}
              </ul>
            </div>
          )}
        </CardContent>
      </Card>
    </div>
  );
}
