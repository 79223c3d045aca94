"use client";

import { BarChart } from "@tremor/react";
import { exactTooltip } from "./chart-tooltip";

export type NewClientsPoint = { label: string; "New clients": number };

const count = new Intl.NumberFormat("en-US");
const tooltip = exactTooltip((v) => count.format(v));

/** Clients added per day or month. */
export function NewClientsChart({ data }: { data: NewClientsPoint[] }) {
  return (
    <BarChart
      className="h-56"
      data={data}
      index="label"
      categories={["New clients"]}
      colors={["violet"]}
      valueFormatter={(v) => count.format(v)}
      customTooltip={tooltip}
      allowDecimals={false}
      yAxisWidth={48}
      showLegend={false}
    />
  );
}
