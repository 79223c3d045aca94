import { IntentLink } from "./intent-link";
import { Icon } from "./icon";

import { buttonVariants } from "@/components/ui/button";
import { pageHref, type SearchParams } from "@/lib/pagination";
import { cn } from "@/lib/utils";

/** First, last and the neighbours of the current page; null marks a gap. */
function pageWindow(page: number, pageCount: number): (number | null)[] {
  const pages = [...new Set([1, page - 1, page, page + 1, pageCount])].filter((p) => p >= 1 && p <= pageCount).sort((a, b) => a - b);
  const items: (number | null)[] = [];
  let previous = 0;
  for (const p of pages) {
    // An ellipsis standing in for a single page would save nothing, so show that page instead.
    if (p - previous === 2) items.push(p - 1);
    else if (p - previous > 2) items.push(null);
    items.push(p);
    previous = p;
  }
  return items;
}

const numberFormat = new Intl.NumberFormat("en-US");

type PaginationProps = {
  page: number;
  pageCount: number;
  pathname: string;
  searchParams: SearchParams;
  total?: number;
  pageSize?: number;
  /** Shown on the pager's row instead of the "Showing a–b of n" line (a list's own count line). */
  summary?: React.ReactNode;
  className?: string;
};

function Pagination({ page, pageCount, pathname, searchParams, total, pageSize, summary, className }: PaginationProps) {
  const current = Math.min(Math.max(1, Math.trunc(page) || 1), Math.max(1, pageCount));
  const showing =
    total !== undefined && pageSize !== undefined && total > 0
      ? `Showing ${numberFormat.format((current - 1) * pageSize + 1)}–${numberFormat.format(Math.min(current * pageSize, total))} of ${numberFormat.format(total)}`
      : null;

  const line = summary ?? (showing ? <p className="text-sm text-muted-foreground">{showing}</p> : null);
  if (pageCount <= 1) {
    return line ? <div className={className}>{line}</div> : null;
  }

  // buttonVariants dims and blocks anything marked aria-disabled, so the end-of-range spans share it.
  const step = buttonVariants({ variant: "outline", size: "sm" });

  return (
    <div className={cn("flex flex-col items-center gap-3 sm:flex-row sm:justify-between", className)}>
      {line}
      <nav aria-label="Pagination" className="sm:ml-auto">
        <ul className="flex items-center gap-1">
          <li>
            {current > 1 ? (
              <IntentLink href={pageHref(pathname, searchParams, current - 1)} rel="prev" className={step}>
                <Icon name="chevron-left" aria-hidden="true" />
                Previous
              </IntentLink>
            ) : (
              <span aria-disabled="true" className={step}>
                <Icon name="chevron-left" aria-hidden="true" />
                Previous
              </span>
            )}
          </li>
          <li className="px-2 text-sm text-muted-foreground sm:hidden">
            Page {current} of {pageCount}
          </li>
          {pageWindow(current, pageCount).map((p, index) => (
            <li key={p ?? `gap-${index}`} className="hidden sm:block">
              {p === null ? (
                <span aria-hidden="true" className="flex size-9 items-center justify-center text-muted-foreground">
                  …
                </span>
              ) : (
                <IntentLink
                  href={pageHref(pathname, searchParams, p)}
                  aria-label={`Page ${p}`}
                  aria-current={p === current ? "page" : undefined}
                  className={cn(buttonVariants({ variant: p === current ? "outline" : "ghost", size: "icon" }), "size-9")}
                >
                  {p}
                </IntentLink>
              )}
            </li>
          ))}
          <li>
            {current < pageCount ? (
              <IntentLink href={pageHref(pathname, searchParams, current + 1)} rel="next" className={step}>
                Next
                <Icon name="chevron-right" aria-hidden="true" />
              </IntentLink>
            ) : (
              <span aria-disabled="true" className={step}>
                Next
                <Icon name="chevron-right" aria-hidden="true" />
              </span>
            )}
          </li>
        </ul>
      </nav>
    </div>
  );
}

export { Pagination };
export type { PaginationProps };
