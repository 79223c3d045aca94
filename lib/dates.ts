// Every piece of calendar arithmetic and date formatting, in one module.
//
// Two kinds of value, never mixed:
// - a calendar day, "YYYY-MM-DD" (issue and due dates, billing periods,
//   dashboard ranges): no time and no zone, so it is never shifted;
// - an instant, a Date (created_at, sent_at, received_at): stored in UTC and
//   shown in a time zone, the viewer's on pages, the business's on PDFs and
//   in emails.
//
// "Today" is the business's calendar day in its time zone (DESIGN.md rule 15),
// never the server's: businessDay(timeZone, now). Nothing here reads the clock;
// callers pass `now`, so tests can move it.

const DAY_MS = 86_400_000;
const ISO_DATE = /^([1-9][0-9]{3})-([0-9]{2})-([0-9]{2})$/;

function dayParts(iso: string): [number, number, number] {
  const [y, m, d] = iso.split("-").map(Number);
  return [y!, m! - 1, d!];
}

const utcDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const dayMs = (iso: string) => Date.UTC(...dayParts(iso));

/**
 * True for a "YYYY-MM-DD" day that exists in the calendar, in the years a
 * DATE column holds (1000-9999). The round trip through Date.UTC refuses
 * 2025-02-31 and 2024-13-01, which Date.parse would quietly roll forward.
 */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== "string") return false;
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

// ── Calendar days ─────────────────────────────────────────────────────────

export function addDaysIso(iso: string, days: number): string {
  return utcDay(dayMs(iso) + days * DAY_MS);
}

/** Whole days from a to b (b later is positive). */
export function daysBetween(a: string, b: string): number {
  return Math.round((dayMs(b) - dayMs(a)) / DAY_MS);
}

/** The first day of the month that holds `iso`. */
export function monthStart(iso: string): string {
  return `${iso.slice(0, 7)}-01`;
}

/**
 * The same day of the month, `months` later (negative: earlier), clamped to
 * the month's last day: Jan 31 + 1 month = Feb 28 (29 in a leap year). What a
 * billing period needs: its start keeps the subscription's day of the month.
 */
export function addMonthsIso(iso: string, months: number): string {
  const [y, m, d] = dayParts(iso);
  const lastDay = new Date(Date.UTC(y, m + months + 1, 0)).getUTCDate();
  return utcDay(Date.UTC(y, m + months, Math.min(d, lastDay)));
}

/**
 * The first day of the month `months` after the one that holds `iso`
 * (negative: before): Jan 31 → Feb 1. What month buckets and "the last 12
 * months" need: whole months, whatever day `iso` is.
 */
export function addMonthsToMonthStart(iso: string, months: number): string {
  const [y, m] = dayParts(iso);
  return utcDay(Date.UTC(y, m + months, 1));
}

// ── Time zones ────────────────────────────────────────────────────────────

const zoneCheck = new Map<string, boolean>();

/** True for a time zone this runtime knows (IANA names such as "Europe/Berlin", and "UTC"). */
export function isTimeZone(value: unknown): value is string {
  if (typeof value !== "string" || value.length === 0 || value.length > 64) return false;
  let known = zoneCheck.get(value);
  if (known === undefined) {
    try {
      new Intl.DateTimeFormat("en-US", { timeZone: value });
      known = true;
    } catch {
      known = false;
    }
    if (zoneCheck.size < 1000) zoneCheck.set(value, known);
  }
  return known;
}

// One formatter per zone: building one costs far more than using it.
const wallClocks = new Map<string, Intl.DateTimeFormat>();

function wallClock(timeZone: string): Intl.DateTimeFormat {
  let fmt = wallClocks.get(timeZone);
  if (!fmt) {
    fmt = new Intl.DateTimeFormat("en-US", { timeZone, hourCycle: "h23", year: "numeric", month: "numeric", day: "numeric", hour: "numeric", minute: "numeric", second: "numeric" });
    wallClocks.set(timeZone, fmt);
  }
  return fmt;
}

/** The wall-clock time in `timeZone` at instant `ms`, as if it were UTC (milliseconds dropped). */
function wallMs(timeZone: string, ms: number): number {
  const p: Record<string, number> = {};
  for (const part of wallClock(timeZone).formatToParts(new Date(ms))) if (part.type !== "literal") p[part.type] = Number(part.value);
  return Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!);
}

/** The zone's offset from UTC at an instant, in milliseconds (Los Angeles in winter: -8 h). */
function offsetMs(timeZone: string, ms: number): number {
  const whole = Math.floor(ms / 1000) * 1000;
  return wallMs(timeZone, whole) - whole;
}

/**
 * The calendar day in `timeZone` at `now`: the business's "today" when given
 * the business's zone. 17:00 in Los Angeles is already the next day in UTC,
 * and still today here.
 */
export function businessDay(timeZone: string, now: Date): string {
  return utcDay(wallMs(timeZone, now.getTime()));
}

/**
 * The instant when the clocks in `timeZone` show `time` ("HH:MM") on `day`.
 * Like Temporal's "compatible" rule: a time that happens twice (the hour the
 * clocks go back) is the first one; a time that doesn't exist (the hour they
 * skip) moves on by the gap, so 02:30 on the morning clocks go forward is 03:30.
 */
export function zonedInstant(day: string, time: string, timeZone: string): Date {
  const [hh, mm] = time.split(":").map(Number);
  const wall = dayMs(day) + (hh! * 60 + mm!) * 60_000;
  // An offset in force just before and just after: a zone changes at most once in a day.
  const before = offsetMs(timeZone, wall - DAY_MS);
  const after = offsetMs(timeZone, wall + DAY_MS);
  const fits = [wall - before, wall - after].filter((t) => t + offsetMs(timeZone, t) === wall);
  return new Date(fits.length ? Math.min(...fits) : wall - before);
}

/** The first instant of a calendar day in `timeZone`. */
export function startOfDayIn(day: string, timeZone: string): Date {
  return zonedInstant(day, "00:00", timeZone);
}

// ── Formatting ────────────────────────────────────────────────────────────

export type Zoned = { timeZone: string; locale?: string };

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: string, timeZone: string, kind: "day" | "datetime"): Intl.DateTimeFormat {
  const key = `${kind}|${locale}|${timeZone}`;
  let fmt = formatters.get(key);
  if (!fmt) {
    const options: Intl.DateTimeFormatOptions =
      kind === "day"
        ? { year: "numeric", month: "short", day: "numeric", timeZone }
        : { year: "numeric", month: "short", day: "numeric", hour: "2-digit", minute: "2-digit", timeZone, timeZoneName: "short" };
    fmt = new Intl.DateTimeFormat(locale, options);
    formatters.set(key, fmt);
  }
  return fmt;
}

const toInstant = (value: Date | string) => (typeof value === "string" ? new Date(value) : value);

/** A calendar day ("YYYY-MM-DD"), "Mar 5, 2026" in en-US and "5. März 2026" in de-DE. Never shifted by a zone. */
export function formatDate(day: string | null | undefined, locale = "en-US"): string {
  return day ? formatter(locale, "UTC", "day").format(new Date(dayMs(day))) : "—";
}

/** The calendar day of an instant, in a zone: a payment received at 01:00 UTC is the day before in Los Angeles. */
export function formatInstantDate(value: Date | string | null | undefined, { timeZone, locale = "en-US" }: Zoned): string {
  return value ? formatter(locale, timeZone, "day").format(toInstant(value)) : "—";
}

/** An instant with its time and zone: "Mar 5, 2026, 09:30 AM PST". */
export function formatDateTime(value: Date | string | null | undefined, { timeZone, locale = "en-US" }: Zoned): string {
  return value ? formatter(locale, timeZone, "datetime").format(toInstant(value)) : "—";
}

const relativeFormatters = new Map<string, Intl.RelativeTimeFormat>();

const RELATIVE_STEPS: [Intl.RelativeTimeFormatUnit, number][] = [
  ["second", 60],
  ["minute", 60],
  ["hour", 24],
  ["day", 30],
  ["month", 12],
  ["year", Infinity],
];

/**
 * How long ago (or how far ahead) an instant is from `now`, for lists people
 * scan: "now", "5 minutes ago", "2 hours ago", "yesterday", "in 3 days".
 * Under a minute reads "now".
 */
export function formatRelative(value: Date | string, now: Date | number, locale = "en-US"): string {
  let rtf = relativeFormatters.get(locale);
  if (!rtf) relativeFormatters.set(locale, (rtf = new Intl.RelativeTimeFormat(locale, { numeric: "auto" })));
  const seconds = (toInstant(value).getTime() - (typeof now === "number" ? now : now.getTime())) / 1000;
  if (Math.abs(seconds) < 60) return rtf.format(0, "second");
  let amount = seconds;
  for (const [unit, size] of RELATIVE_STEPS) {
    // Days and longer count by the calendar in days (30-day months, 12-month years): a list only needs the rough age.
    if (Math.abs(amount) < size || unit === "year") return rtf.format(Math.trunc(amount), unit);
    amount /= size;
  }
  return rtf.format(Math.trunc(amount), "year");
}
