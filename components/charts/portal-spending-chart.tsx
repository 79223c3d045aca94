"use client";

import { BarChart, type CustomTooltipProps } from "@tremor/react";
import { formatMoney, formatMoneyCompact } from "@/lib/money";

export type SpendPoint = { month: string; label: string; paidMinor: number };

/** The client's payments per month. Axis ticks are short ("$1.2K"); the tooltip gives the exact amount. */
export function PortalSpendingChart({ data, currency, locale }: { data: SpendPoint[]; currency: string; locale: string }) {
  const rows = data.map((d) => ({ month: d.label, Paid: d.paidMinor }));
  function Tooltip({ active, payload, label }: CustomTooltipProps) {
    if (!active || !payload?.length) return null;
    return (
      <div className="rounded-md border bg-popover px-3 py-2 text-sm text-popover-foreground shadow-md">
        <p className="font-medium">{String(label ?? "")}</p>
        <p className="tabular-nums text-muted-foreground">Paid {formatMoney(Number(payload[0]?.value ?? 0), currency, locale)}</p>
      </div>
    );
  }
  return (
    <BarChart
      className="h-56"
      data={rows}
      index="month"
      categories={["Paid"]}
      colors={["blue"]}
      valueFormatter={(v) => formatMoneyCompact(v, currency, locale)}
      customTooltip={Tooltip}
      showLegend={false}
      yAxisWidth={64}
      showAnimation={false}
    />
  );
}
