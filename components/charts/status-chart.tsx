"use client";

import { DonutChart } from "@tremor/react";
import type { ChartColor } from "./colors";
import { useDrillDown } from "./use-drill-down";

export type StatusSlice = { label: string; count: number; color: ChartColor; href: string };

const count = new Intl.NumberFormat("en-US");

/** Invoices by status as a donut; a slice opens that status's invoices. The legend beside it is plain links. */
export function StatusChart({ data, total }: { data: StatusSlice[]; total: number }) {
  const slices = data.filter((d) => d.count > 0);
  const open = useDrillDown("label", Object.fromEntries(slices.map((d) => [d.label, d.href])));
  return (
    <DonutChart
      className="h-44 w-44 shrink-0"
      data={slices}
      index="label"
      category="count"
      colors={slices.map((d) => d.color)}
      label={`${count.format(total)} invoices`}
      valueFormatter={(v) => `${count.format(v)} invoices`}
      onValueChange={open}
    />
  );
}
