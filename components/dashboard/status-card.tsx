import { IntentLink } from "@/components/ui/intent-link";
import type { ChartColor } from "@/components/charts/colors";
import { ChartImage } from "@/components/charts/chart-image";
import { StatusChart } from "@/components/charts/lazy-charts";
import { getStatusBreakdown } from "@/db/queries/dashboard";
import { invoicesHref } from "@/lib/dashboard/links";
import { statusLabel, type DisplayStatus } from "@/lib/invoices/status";
import { formatMoney } from "@/lib/money";
import { ChartCard, ChartEmpty } from "./chart-card";
import type { DashboardContext } from "./context";

export const STATUS_TITLE = "Invoices by status";

const colorFor: Record<DisplayStatus, ChartColor> = { draft: "gray", sent: "blue", overdue: "rose", partially_paid: "amber", paid: "emerald", void: "violet" };
// Literal class names, so Tailwind keeps them; they match the donut's slices.
const dotClass: Record<ChartColor, string> = {
  blue: "bg-blue-500",
  emerald: "bg-emerald-500",
  amber: "bg-amber-500",
  rose: "bg-rose-500",
  violet: "bg-violet-500",
  cyan: "bg-cyan-500",
  gray: "bg-gray-500",
};
const count = new Intl.NumberFormat("en-US");

/** Invoices issued in the period by the status people see (overdue derived, as in the list). */
export async function StatusCard({ ctx, className }: { ctx: DashboardContext; className?: string }) {
  const { area, currency, locale, range, today } = ctx;
  const rows = (await getStatusBreakdown(currency, range, today)).map((row) => ({
    ...row,
    label: statusLabel[row.status],
    color: colorFor[row.status],
    href: invoicesHref(area, currency, { status: [row.status], issuedFrom: range.from, issuedTo: range.to }),
  }));
  const total = rows.reduce((sum, row) => sum + row.count, 0);
  return (
    <ChartCard
      title={STATUS_TITLE}
      description="Issued in this period, by where they stand today"
      href={invoicesHref(area, currency, { issuedFrom: range.from, issuedTo: range.to })}
      linkLabel="View invoices"
      className={className}
    >
      {total === 0 ? (
        <ChartEmpty title="No invoices in this period" description="Drafts, sent, overdue and paid invoices will be counted here." />
      ) : (
        <div className="flex flex-col items-center gap-4 sm:flex-row sm:items-center">
          <ChartImage className="shrink-0" label={`Donut chart of ${count.format(total)} invoices by status: ${rows.map((r) => `${r.label} ${count.format(r.count)}`).join(", ")}.`}>
            <StatusChart data={rows.map(({ label, count: n, color, href }) => ({ label, count: n, color, href }))} total={total} />
          </ChartImage>
          <ul className="grid w-full gap-0.5" aria-label="Invoices by status">
            {rows.map((row) => (
              <li key={row.status}>
                <IntentLink
                  href={row.href}
                  className="flex items-center justify-between gap-3 rounded-md px-2 py-1.5 text-sm hover:bg-accent focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring"
                >
                  <span className="flex items-center gap-2">
                    <span aria-hidden="true" className={`size-2.5 shrink-0 rounded-full ${dotClass[row.color]}`} />
                    {row.label}
                  </span>
                  <span className="text-right tabular-nums">
                    {count.format(row.count)}
                    <span className="ml-2 hidden text-muted-foreground sm:inline">{formatMoney(row.totalMinor, currency, locale)}</span>
                  </span>
                </IntentLink>
              </li>
            ))}
          </ul>
        </div>
      )}
    </ChartCard>
  );
}
