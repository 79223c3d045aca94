import type { BillingInterval } from "@/db/schema";
import { addDaysIso, addMonthsIso, businessDay } from "@/lib/dates";

export type RecurringInterval = Exclude<BillingInterval, "one_time">;
export type Period = { start: string; end: string };

const MONTHS: Record<RecurringInterval, number> = { monthly: 1, quarterly: 3, yearly: 12 };

/**
 * The k-th billing period of a subscription that started on `anchor`.
 * Counted from the anchor (not chained), so a start on the 31st doesn't drift:
 * Jan 31, Feb 28, Mar 31.
 */
export function nthPeriod(anchor: string, interval: RecurringInterval, k: number): Period {
  const months = MONTHS[interval];
  return { start: addMonthsIso(anchor, k * months), end: addDaysIso(addMonthsIso(anchor, (k + 1) * months), -1) };
}

/** The period that contains `day` (the first one if `day` is before the anchor). */
export function periodContaining(anchor: string, interval: RecurringInterval, day: string): Period {
  const [ay, am] = anchor.split("-").map(Number);
  const [dy, dm] = day.split("-").map(Number);
  // Start from an estimate and step, so a long-running subscription needs no loop over every period.
  let k = Math.max(0, Math.floor(((dy! - ay!) * 12 + (dm! - am!)) / MONTHS[interval]) - 1);
  while (k > 0 && nthPeriod(anchor, interval, k).start > day) k--;
  while (nthPeriod(anchor, interval, k + 1).start <= day) k++;
  return nthPeriod(anchor, interval, k);
}

/**
 * The day a subscription's periods count from: the business day it started
 * on. Its stored current period must be one of that anchor's periods; if the
 * business has changed its time zone since, the day of `startedAt` in the new
 * zone can differ by one from the day it was taken on, and counting from it
 * would bill an overlapping period. So the anchor is the day, within a day
 * of `startedAt`, whose periods include the stored one, the new zone's day
 * first.
 */
export function billingAnchor(sub: { startedAt: Date; interval: RecurringInterval; currentPeriodStart: string }, timeZone: string): string {
  const inZone = businessDay(timeZone, sub.startedAt);
  const utc = businessDay("UTC", sub.startedAt);
  const candidates = [inZone, utc, addDaysIso(utc, -1), addDaysIso(utc, 1)];
  return candidates.find((day) => day <= sub.currentPeriodStart && periodContaining(day, sub.interval, sub.currentPeriodStart).start === sub.currentPeriodStart) ?? inZone;
}
