import { useRouter } from "next/navigation";
import type { EventProps } from "@tremor/react";

/**
 * Opens the list behind the bar or slice that was clicked. `hrefs` maps a
 * data point's index value (its label) to that list. The same links are on
 * the page as plain anchors, for keyboards and screen readers.
 */
export function useDrillDown(index: string, hrefs: Record<string, string>) {
  const router = useRouter();
  return (event: EventProps) => {
    const key = event ? String(event[index] ?? "") : "";
    const href = hrefs[key];
    if (href) router.push(href);
  };
}
