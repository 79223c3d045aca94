// UTC calendar arithmetic for the seeds, on Date values at UTC midnight (the
// demo business's zone is UTC). Everything is relative to one anchor
// ("today"), so the demo always has invoices that are overdue right now.
// Months and billing periods come from lib/dates and lib/billing/periods, as
// the app computes them.
import type { BillingInterval } from "@/db/schema";
import { nthPeriod } from "@/lib/billing/periods";

const DAY_MS = 86_400_000;

export function startOfDay(value: Date): Date {
  return new Date(Date.UTC(value.getUTCFullYear(), value.getUTCMonth(), value.getUTCDate()));
}

export function addDays(value: Date, days: number): Date {
  return new Date(value.getTime() + days * DAY_MS);
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

const utcMidnight = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** The k-th billing period of a subscription that started on `start`, as the billing run counts it. */
export function billingPeriod(start: Date, interval: Exclude<BillingInterval, "one_time">, k: number): { start: Date; end: Date } {
  const period = nthPeriod(isoDate(start), interval, k);
  return { start: utcMidnight(period.start), end: utcMidnight(period.end) };
}
