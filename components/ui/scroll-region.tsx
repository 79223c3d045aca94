"use client";

import { useEffect, useRef, useState } from "react";
import { cn } from "@/lib/utils";

/**
 * A box that scrolls when its content is wider or taller than it (a table on
 * a phone). While it does, it is a named region in the tab order, so a
 * keyboard can scroll it too (WCAG 2.1.1); when everything fits, it is a
 * plain div and no extra tab stop.
 */
export function ScrollRegion({ label, className, children }: { label: string; className?: string; children: React.ReactNode }) {
  const box = useRef<HTMLDivElement>(null);
  // null until measured in the browser: data-scroll-region says "pending" till then (the axe test waits for it).
  const [scrolls, setScrolls] = useState<boolean | null>(null);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const measure = () => setScrolls(el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    if (el.firstElementChild) observer.observe(el.firstElementChild);
    return () => observer.disconnect();
  }, []);
  return (
    <div
      ref={box}
      data-scroll-region={scrolls === null ? "pending" : "measured"}
      className={cn("focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring", className)}
      {...(scrolls ? { tabIndex: 0, role: "region", "aria-label": label } : {})}
    >
      {children}
    </div>
  );
}
