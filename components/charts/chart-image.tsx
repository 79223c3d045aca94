"use client";

import { useEffect, useRef } from "react";
import { cn } from "@/lib/utils";

// Whatever Tremor or Recharts make focusable inside a chart: the legend's
// scroller, a donut's slices, a bar list's buttons, links.
const FOCUSABLE = "a[href], button, input, select, textarea, [tabindex]:not([tabindex='-1'])";

/**
 * A chart as one labelled image. Assistive technology reads `label` and skips
 * the drawing (its SVG parts, legend list and bar buttons mean nothing read
 * one by one); the figures are in the "Show as a table" disclosure or the
 * linked list beside the chart. The mouse keeps the tooltips and the click
 * that opens a bar's list, but nothing inside takes keyboard focus: the same
 * lists are plain links on the page.
 */
export function ChartImage({ label, className, children }: { label: string; className?: string; children: React.ReactNode }) {
  const drawing = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const root = drawing.current;
    if (!root) return;
    // The chart loads and redraws after the page (lazy, measured, animated), so keep watching.
    const untab = () =>
      root.querySelectorAll<HTMLElement>(FOCUSABLE).forEach((el) => {
        if (el.getAttribute("tabindex") !== "-1") el.setAttribute("tabindex", "-1");
      });
    untab();
    const observer = new MutationObserver(untab);
    observer.observe(root, { subtree: true, childList: true, attributes: true, attributeFilter: ["tabindex", "href"] });
    return () => observer.disconnect();
  }, []);
  return (
    <div role="img" aria-label={label} className={cn("min-w-0", className)}>
      <div ref={drawing} aria-hidden="true">
        {children}
      </div>
    </div>
  );
}
