"use client";

import type { CustomTooltipProps } from "@tremor/react";

const dot: Record<string, string> = {
  blue: "bg-blue-500",
  emerald: "bg-emerald-500",
  amber: "bg-amber-500",
  rose: "bg-rose-500",
  violet: "bg-violet-500",
  cyan: "bg-cyan-500",
  gray: "bg-gray-500",
};

/**
 * Tremor formats axis ticks and tooltips with one formatter. The axes get
 * short amounts ("$1.2M"); this tooltip shows the exact figure.
 */
export function exactTooltip(format: (value: number) => string) {
  function ExactTooltip({ active, payload, label }: CustomTooltipProps) {
    if (!active || !payload?.length) return null;
    return (
      <div className="rounded-md border bg-popover px-3 py-2 text-sm text-popover-foreground shadow-md">
        <p className="mb-1 font-medium">{String(label ?? "")}</p>
        <ul className="grid gap-0.5">
          {payload.map((item) => (
            <li key={String(item.dataKey)} className="flex items-center gap-2">
              <span aria-hidden="true" className={`size-2 rounded-full ${dot[String(item.color)] ?? "bg-gray-500"}`} />
              <span className="text-muted-foreground">{String(item.name)}</span>
              <span className="ml-auto pl-4 font-medium tabular-nums">{format(Number(item.value ?? 0))}</span>
            </li>
          ))}
        </ul>
      </div>
    );
  }
  return ExactTooltip;
}
