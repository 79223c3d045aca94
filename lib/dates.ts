// Dates are stored in UTC; calendar dates (issue, due) are "YYYY-MM-DD" strings.
const dateFmt = new Intl.DateTimeFormat("en-US", { year: "numeric", month: "short", day: "numeric", timeZone: "UTC" });
const dateTimeFmt = new Intl.DateTimeFormat("en-US", { year: "numeric", month: "short", day: "numeric", hour: "2-digit", minute: "2-digit", timeZone: "UTC", timeZoneName: "short" });

function toDate(value: Date | string): Date {
  return typeof value === "string" ? new Date(value.length === 10 ? `${value}T00:00:00Z` : value) : value;
}

export function formatDate(value: Date | string | null | undefined): string {
  return value ? dateFmt.format(toDate(value)) : "—";
}

export function formatDateTime(value: Date | string | null | undefined): string {
  return value ? dateTimeFmt.format(toDate(value)) : "—";
}

/** Today's calendar date in UTC, "YYYY-MM-DD". */
export function todayIso(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

export function addDaysIso(iso: string, days: number): string {
  const d = toDate(iso);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Whole days from a to b (b later is positive). */
export function daysBetween(a: string, b: string): number {
  return Math.round((toDate(b).getTime() - toDate(a).getTime()) / 86_400_000);
}
