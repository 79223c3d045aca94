import type { BillingInterval } from "@/db/schema";

export type RecurringInterval = Exclude<BillingInterval, "one_time">;
export type Period = { start: string; end: string };

const MONTHS: Record<RecurringInterval, number> = { monthly: 1, quarterly: 3, yearly: 12 };

function parts(iso: string): [number, number, number] {
  const [y, m, d] = iso.split("-").map(Number);
  return [y!, m! - 1, d!];
}

function iso(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** Whole months after a date, clamped to the month's last day (Jan 31 + 1 month = Feb 28). */
export function addMonthsIso(start: string, months: number): string {
  const [y, m, d] = parts(start);
  const target = new Date(Date.UTC(y, m + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, lastDay));
  return iso(target);
}

/**
 * The k-th billing period of a subscription that started on `anchor`.
 * Counted from the anchor (not chained), so a start on the 31st doesn't drift.
 */
export function nthPeriod(anchor: string, interval: RecurringInterval, k: number): Period {
  const months = MONTHS[interval];
  const start = addMonthsIso(anchor, k * months);
  const next = addMonthsIso(anchor, (k + 1) * months);
  const end = new Date(`${next}T00:00:00Z`);
  end.setUTCDate(end.getUTCDate() - 1);
  return { start, end: iso(end) };
}

/** The period that contains `day` (the first one if `day` is before the anchor). */
export function periodContaining(anchor: string, interval: RecurringInterval, day: string): Period {
  const [ay, am] = parts(anchor);
  const [dy, dm] = parts(day);
  // Start from an estimate and step, so a long-running subscription needs no loop over every period.
  let k = Math.max(0, Math.floor(((dy - ay) * 12 + (dm - am)) / MONTHS[interval]) - 1);
  while (k > 0 && nthPeriod(anchor, interval, k).start > day) k--;
  while (nthPeriod(anchor, interval, k + 1).start <= day) k++;
  return nthPeriod(anchor, interval, k);
}
