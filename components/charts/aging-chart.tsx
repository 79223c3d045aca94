"use client";

import { useMemo } from "react";
import { BarChart } from "@tremor/react";
import { formatMoney, formatMoneyCompact } from "@/lib/money";
import { exactTooltip } from "./chart-tooltip";
import { useDrillDown } from "./use-drill-down";

export type AgingPoint = { label: string; Outstanding: number; href: string };

/** Open balances by days past due; a bar opens the invoices in that bucket. */
export function AgingChart({ data, currency, locale }: { data: AgingPoint[]; currency: string; locale: string }) {
  const open = useDrillDown("label", Object.fromEntries(data.map((d) => [d.label, d.href])));
  const tooltip = useMemo(() => exactTooltip((v) => formatMoney(v, currency, locale)), [currency, locale]);
  return (
    <BarChart
      className="h-56"
      data={data}
      index="label"
      categories={["Outstanding"]}
      colors={["amber"]}
      valueFormatter={(v) => formatMoneyCompact(v, currency, locale)}
      customTooltip={tooltip}
      yAxisWidth={60}
      showLegend={false}
      onValueChange={open}
    />
  );
}
