"use client";

import { DonutChart } from "@tremor/react";
import type { ChartColor } from "./colors";

export type StatusSlice = { label: string; count: number; color: ChartColor };

const count = new Intl.NumberFormat("en-US");

/** The client's invoices by status. The legend beside it (with counts and links) is plain HTML. */
export function PortalStatusChart({ data }: { data: StatusSlice[] }) {
  const slices = data.filter((d) => d.count > 0);
  const total = slices.reduce((n, d) => n + d.count, 0);
  return (
    <DonutChart
      className="h-40 w-40 shrink-0"
      data={slices}
      index="label"
      category="count"
      colors={slices.map((d) => d.color)}
      label={`${count.format(total)}`}
      valueFormatter={(v) => `${count.format(v)} ${v === 1 ? "invoice" : "invoices"}`}
      showAnimation={false}
    />
  );
}
