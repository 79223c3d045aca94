// UTC calendar arithmetic for the seeds. Everything is relative to one anchor
// ("today"), so the demo always has invoices that are overdue right now.
import type { BillingInterval } from "@/db/schema";

const DAY_MS = 86_400_000;

export function startOfDay(value: Date): Date {
  return new Date(Date.UTC(value.getUTCFullYear(), value.getUTCMonth(), value.getUTCDate()));
}

export function addDays(value: Date, days: number): Date {
  return new Date(value.getTime() + days * DAY_MS);
}

/** Whole months later, clamped to the month's last day (Jan 31 + 1 month = Feb 28). */
export function addMonths(value: Date, months: number): Date {
  const target = new Date(Date.UTC(value.getUTCFullYear(), value.getUTCMonth() + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(value.getUTCDate(), lastDay));
  return target;
}

/** A day at a time of day, in minutes after midnight UTC. */
export function atMinute(day: Date, minuteOfDay: number): Date {
  return new Date(startOfDay(day).getTime() + minuteOfDay * 60_000);
}

export function daysBetween(from: Date, to: Date): number {
  return Math.round((startOfDay(to).getTime() - startOfDay(from).getTime()) / DAY_MS);
}

/** "YYYY-MM-DD", the form of DATE columns. */
export function isoDate(value: Date): string {
  return value.toISOString().slice(0, 10);
}

/** "YYYY-MM-DD HH:MM:SS.mmm" in UTC, for raw multi-row inserts into DATETIME(3). */
export function sqlDateTime(value: Date): string {
  return value.toISOString().slice(0, 23).replace("T", " ");
}

const INTERVAL_MONTHS: Record<Exclude<BillingInterval, "one_time">, number> = { monthly: 1, quarterly: 3, yearly: 12 };

function intervalMonths(interval: Exclude<BillingInterval, "one_time">): number {
  return INTERVAL_MONTHS[interval];
}

/**
 * The k-th billing period of a subscription that started on `start`. Periods
 * are counted from the start date (not chained), so month-end starts don't drift.
 */
export function billingPeriod(start: Date, interval: Exclude<BillingInterval, "one_time">, k: number): { start: Date; end: Date } {
  const months = intervalMonths(interval);
  return { start: addMonths(start, k * months), end: addDays(addMonths(start, (k + 1) * months), -1) };
}
