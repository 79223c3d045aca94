"use client";

import { useMemo } from "react";
import { BarChart } from "@tremor/react";
import { formatMoney, formatMoneyCompact } from "@/lib/money";
import { exactTooltip } from "./chart-tooltip";
import { useDrillDown } from "./use-drill-down";

export type RevenuePoint = { label: string; Invoiced: number; Paid: number; href: string };

/** Invoiced against paid per day or month, in minor units. A bar opens that period's invoices. */
export function RevenueChart({ data, currency, locale }: { data: RevenuePoint[]; currency: string; locale: string }) {
  const open = useDrillDown("label", Object.fromEntries(data.map((d) => [d.label, d.href])));
  const tooltip = useMemo(() => exactTooltip((v) => formatMoney(v, currency, locale)), [currency, locale]);
  return (
    <BarChart
      className="h-64 sm:h-72"
      data={data}
      index="label"
      categories={["Invoiced", "Paid"]}
      colors={["blue", "emerald"]}
      valueFormatter={(v) => formatMoneyCompact(v, currency, locale)}
      customTooltip={tooltip}
      yAxisWidth={60}
      onValueChange={open}
    />
  );
}
