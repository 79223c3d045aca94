"use client";

import { BarList } from "@tremor/react";
import { useRouter } from "next/navigation";
import { formatMoney } from "@/lib/money";

export type ServiceBar = { key: string; name: string; value: number; href: string };

/** Top services by invoiced value. Each bar is a button that opens its service. */
export function ServicesChart({ data, currency, locale }: { data: ServiceBar[]; currency: string; locale: string }) {
  const router = useRouter();
  return (
    <BarList
      data={data}
      color="cyan"
      valueFormatter={(v: number) => formatMoney(v, currency, locale)}
      onValueChange={(bar) => router.push(bar.href)}
      aria-label="Top services by invoiced value"
    />
  );
}
