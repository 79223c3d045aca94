import { readWholeNumber } from "./fields";

// The unpaid-clients view's filters, read from the URL.

/** Clients per page, and so the most a person can select to remind at once (remindClientsSchema). */
export const UNPAID_PAGE_SIZE = 25;

export const unpaidSorts = ["due", "-balance", "name"] as const;
export type UnpaidSort = (typeof unpaidSorts)[number];
export type UnpaidParams = { overdueOnly: boolean; sort: UnpaidSort; page: number };

type RawParams = Record<string, string | string[] | undefined>;
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export function parseUnpaidParams(params: RawParams): UnpaidParams {
  const filters = params.filter === undefined ? [] : Array.isArray(params.filter) ? params.filter : [params.filter];
  const sort = first(params.sort);
  return {
    overdueOnly: filters.includes("overdue"),
    sort: (unpaidSorts as readonly string[]).includes(sort ?? "") ? (sort as UnpaidSort) : "due",
    page: Math.max(1, readWholeNumber(first(params.page)) ?? 1),
  };
}
