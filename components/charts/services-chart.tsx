"use client";

import { BarList } from "@tremor/react";
import { useRouter } from "next/navigation";
import { formatMoney } from "@/lib/money";

export type ServiceBar = { key: string; name: string; value: number; href: string };

/**
 * Top services by invoiced value; a click on a bar opens its service. Drawn
 * inside a ChartImage, so nothing in it may be interactive: Tremor makes each
 * bar a <button> when given onValueChange and an <a> when a bar has an href
 * (axe: nested-interactive), so it gets neither, and one click handler on the
 * wrapper finds the bar clicked. Keyboard and screen-reader users have the
 * same services as links in the table below the chart. No `aria-sort` (not
 * allowed on its plain div).
 */
export function ServicesChart({ data, currency, locale }: { data: ServiceBar[]; currency: string; locale: string }) {
  const router = useRouter();
  function open(event: React.MouseEvent<HTMLDivElement>) {
    const bar = (event.target as Element).closest(".tremor-BarList-bar");
    const index = bar?.parentElement ? [...bar.parentElement.children].indexOf(bar) : -1;
    const target = data[index];
    if (target) router.push(target.href);
  }
  return (
    // A mouse shortcut only: the links in the table are the keyboard path.
    <div
      onClick={open}
      className="[&_.tremor-BarList-bar]:cursor-pointer [&_.tremor-BarList-bar:hover]:bg-tremor-background-muted dark:[&_.tremor-BarList-bar:hover]:bg-dark-tremor-background-subtle/40"
    >
      <BarList data={data.map(({ key, name, value }) => ({ key, name, value }))} sortOrder="none" color="cyan" valueFormatter={(v: number) => formatMoney(v, currency, locale)} aria-sort={undefined} />
    </div>
  );
}
