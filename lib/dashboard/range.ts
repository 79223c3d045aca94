import { addDaysIso, addMonthsToMonthStart, daysBetween, isIsoDate, monthStart } from "@/lib/dates";

// The dashboard's date range lives in the URL (?range=…, and ?from=…&to=…
// for a custom one), so a view can be linked and the back button works.

export const rangePresets = ["month", "30d", "quarter", "year", "12m", "custom"] as const;
export type RangePreset = (typeof rangePresets)[number];
export const DEFAULT_PRESET = "12m" satisfies Exclude<RangePreset, "custom">;

export const presetLabel: Record<RangePreset, string> = {
  month: "This month",
  "30d": "Last 30 days",
  quarter: "This quarter",
  year: "This year",
  "12m": "Last 12 months",
  custom: "Custom range",
};

/** Charts group by day over short ranges and by month over longer ones. */
export type Bucket = "day" | "month";
/** Up to about two months reads best day by day. */
const MAX_DAILY_SPAN = 62;
/** Ten years of months is already more bars than a chart can show legibly. */
export const MAX_SPAN_DAYS = 3660;

export type DashboardRange = {
  preset: RangePreset;
  /** Inclusive, YYYY-MM-DD. */
  from: string;
  to: string;
  bucket: Bucket;
  label: string;
  /** Why a custom range from the URL was not used, if it wasn't. */
  error: string | null;
};

type RawParams = Record<string, string | string[] | undefined>;
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";

function presetRange(preset: Exclude<RangePreset, "custom">, today: string): { from: string; to: string } {
  switch (preset) {
    case "month":
      return { from: monthStart(today), to: today };
    case "30d":
      return { from: addDaysIso(today, -29), to: today };
    case "quarter": {
      const month = Number(today.slice(5, 7));
      const quarterMonth = String(month - ((month - 1) % 3)).padStart(2, "0");
      return { from: `${today.slice(0, 4)}-${quarterMonth}-01`, to: today };
    }
    case "year":
      return { from: `${today.slice(0, 4)}-01-01`, to: today };
    case "12m":
      return { from: addMonthsToMonthStart(today, -11), to: today };
  }
}

function withBucket(preset: RangePreset, from: string, to: string, error: string | null = null): DashboardRange {
  const bucket: Bucket = daysBetween(from, to) + 1 <= MAX_DAILY_SPAN ? "day" : "month";
  return { preset, from, to, bucket, label: presetLabel[preset], error };
}

export function parseDashboardRange(raw: RawParams, today: string): DashboardRange {
  const requested = first(raw.range);
  const preset = (rangePresets as readonly string[]).includes(requested) ? (requested as RangePreset) : DEFAULT_PRESET;
  if (preset !== "custom") {
    const { from, to } = presetRange(preset, today);
    return withBucket(preset, from, to);
  }
  const from = first(raw.from);
  const to = first(raw.to);
  const fallback = presetRange(DEFAULT_PRESET, today);
  let error: string | null = null;
  if (!isIsoDate(from) || !isIsoDate(to)) error = "Pick both a start and an end date.";
  else if (from > to) error = "The start date must be on or before the end date.";
  else if (daysBetween(from, to) > MAX_SPAN_DAYS) error = "Pick a range of ten years or less.";
  if (error) return withBucket(DEFAULT_PRESET, fallback.from, fallback.to, error);
  return withBucket("custom", from, to);
}

/** The URL query for a range (the default preset has none, so the plain page is the default view). */
export function rangeQuery(range: Pick<DashboardRange, "preset" | "from" | "to">): string {
  if (range.preset === DEFAULT_PRESET) return "";
  const q = new URLSearchParams({ range: range.preset });
  if (range.preset === "custom") {
    q.set("from", range.from);
    q.set("to", range.to);
  }
  return q.toString();
}

/** Every bucket start from `from` to `to`, so charts show empty days and months as zero, not as gaps. */
export function bucketStarts(range: Pick<DashboardRange, "from" | "to" | "bucket">): string[] {
  const out: string[] = [];
  if (range.bucket === "day") {
    for (let d = range.from; d <= range.to; d = addDaysIso(d, 1)) out.push(d);
  } else {
    for (let m = monthStart(range.from); m <= range.to; m = addMonthsToMonthStart(m, 1)) out.push(m);
  }
  return out;
}

/** The last day of the bucket that starts at `start`, clipped to the range. */
export function bucketEnd(start: string, range: Pick<DashboardRange, "to" | "bucket">): string {
  const end = range.bucket === "day" ? start : addDaysIso(addMonthsToMonthStart(start, 1), -1);
  return end < range.to ? end : range.to;
}

const monthLabel = new Intl.DateTimeFormat("en-US", { month: "short", year: "numeric", timeZone: "UTC" });
const dayLabel = new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric", timeZone: "UTC" });

/** "Dec 2025" for a month bucket, "Nov 3" for a day. */
export function bucketLabel(start: string, bucket: Bucket): string {
  return (bucket === "month" ? monthLabel : dayLabel).format(new Date(`${start}T00:00:00Z`));
}
