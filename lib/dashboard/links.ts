import { OPEN_STATUSES, type DisplayStatus } from "@/lib/invoices/status";

// Links from dashboard figures to the lists behind them, in those lists' URL
// contracts (see lib/validation/invoices.ts and lib/validation/clients.ts).
// Each link opens the set its figure was counted from.

type InvoiceFilter = { status?: DisplayStatus[]; issuedFrom?: string; issuedTo?: string; dueFrom?: string | null; dueTo?: string | null };

/**
 * The invoice list behind a figure. Every dashboard figure is counted in one
 * currency, so the link always names it: the list would otherwise add the
 * other currencies' invoices to the set.
 */
export function invoicesHref(area: string, currency: string, filter: InvoiceFilter = {}): string {
  const q = new URLSearchParams();
  if (filter.status?.length) q.set("status", filter.status.join(","));
  if (filter.issuedFrom) q.set("issuedFrom", filter.issuedFrom);
  if (filter.issuedTo) q.set("issuedTo", filter.issuedTo);
  if (filter.dueFrom) q.set("dueFrom", filter.dueFrom);
  if (filter.dueTo) q.set("dueTo", filter.dueTo);
  q.set("currency", currency);
  return `${area}/invoices?${q.toString()}`;
}

/** Every unpaid invoice (sent or partially paid, due or overdue), as the list's status filters split them. */
export const OPEN_DISPLAY_STATUSES: DisplayStatus[] = [...OPEN_STATUSES, "overdue"];

export function clientsHref(area: string, params: { filter?: "balance" | "overdue"; sort?: "-created" } = {}): string {
  const q = new URLSearchParams(params);
  const query = q.toString();
  return `${area}/clients${query ? `?${query}` : ""}`;
}

/** A bucket's dates, clipped to the range (a month bucket may start before a custom range does). */
export function clip(from: string, to: string, range: { from: string; to: string }): { from: string; to: string } {
  return { from: from > range.from ? from : range.from, to: to < range.to ? to : range.to };
}
