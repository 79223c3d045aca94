"use client";

import { BarList } from "@tremor/react";
import { useRouter } from "next/navigation";
import { formatMoney } from "@/lib/money";

export type ServiceBar = { key: string; name: string; value: number; href: string };

/**
 * Top services by invoiced value; a click on a bar opens its service. Drawn
 * inside a ChartImage, so Tremor's list semantics stay out of the way: no
 * `aria-sort` (not allowed on its plain div), no label of its own.
 */
export function ServicesChart({ data, currency, locale }: { data: ServiceBar[]; currency: string; locale: string }) {
  const router = useRouter();
  return (
    <BarList
      data={data}
      color="cyan"
      valueFormatter={(v: number) => formatMoney(v, currency, locale)}
      onValueChange={(bar) => router.push(bar.href)}
      aria-sort={undefined}
    />
  );
}
