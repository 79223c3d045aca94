import { redirect } from "next/navigation";

// Offset-paged lists (?page=N): the pager's links, and what a page past the
// end does. Every such list (back office and portal) goes through here.

export type SearchParams = Record<string, string | string[] | undefined>;

/** The URL of `page`, keeping every other search param as it is. */
export function pageHref(pathname: string, searchParams: SearchParams, page: number): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(searchParams)) {
    if (key === "page" || value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) params.append(key, item);
  }
  params.set("page", String(page));
  return `${pathname}?${params.toString()}`;
}

/** How many pages `total` rows make (at least one, the empty list's). */
export function pageCountOf(total: number, pageSize: number): number {
  return Math.max(1, Math.ceil(total / pageSize));
}

type ListPage = { page: number; total: number; pageSize: number; pathname: string; searchParams: SearchParams };

/**
 * A page past the last one of a list that has rows (an old link, a list that
 * shrank since) would show the list's empty state ("No invoices yet") beside
 * rows that exist. Send it to the last page instead, keeping the filters, sort
 * and search. `page` is the list's parsed page, so a malformed one (already
 * read as 1) never gets here; an empty list, or a filter that matches nothing,
 * keeps its own empty state.
 */
export function redirectPastLastPage({ page, total, pageSize, pathname, searchParams }: ListPage): void {
  const last = pageCountOf(total, pageSize);
  if (total > 0 && page > last) redirect(pageHref(pathname, searchParams, last));
}
