"use client";

import Link from "next/link";
import { useState, type ComponentProps } from "react";

/**
 * A next/link that prefetches when someone shows intent (pointer over it,
 * keyboard focus, a touch) instead of as soon as it scrolls into view. Lists,
 * tables, pagers and dashboard drill-downs use it: a default Link on each of
 * 25 rows made every page view send the server a dozen or more prefetches
 * (each one a render of its own) for pages nobody opened. Every other link
 * of the back office and the portal uses it too (the shell's navigation, the
 * pages' buttons and breadcrumbs): each cost two prefetches (the route tree,
 * then the segments) on every page view, and for a dynamic page with no
 * loading.tsx they bring back little more than that tree.
 */
export function IntentLink({ onMouseEnter, onFocus, onTouchStart, prefetch, ...props }: ComponentProps<typeof Link>) {
  const [intent, setIntent] = useState(false);
  return (
    <Link
      {...props}
      prefetch={intent ? (prefetch ?? null) : false}
      onMouseEnter={(event) => {
        setIntent(true);
        onMouseEnter?.(event);
      }}
      onFocus={(event) => {
        setIntent(true);
        onFocus?.(event);
      }}
      onTouchStart={(event) => {
        setIntent(true);
        onTouchStart?.(event);
      }}
    />
  );
}
