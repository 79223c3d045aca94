import { bucketEnd, bucketLabel, bucketStarts, parseDashboardRange, rangeQuery } from "@/lib/dashboard/range";
import { clip, invoicesHref } from "@/lib/dashboard/links";
import { formatMoneyCompact } from "@/lib/money";

const TODAY = "2026-05-17";

describe("the dashboard period in the URL", () => {
  it("defaults to the last 12 whole months up to today, by month", () => {
    expect(parseDashboardRange({}, TODAY)).toMatchObject({ preset: "12m", from: "2025-06-01", to: TODAY, bucket: "month", error: null });
  });

  it("reads each preset", () => {
    const r = (range: string) => parseDashboardRange({ range }, TODAY);
    expect(r("month")).toMatchObject({ from: "2026-05-01", to: TODAY, bucket: "day" });
    expect(r("30d")).toMatchObject({ from: "2026-04-18", to: TODAY, bucket: "day" });
    expect(r("quarter")).toMatchObject({ from: "2026-04-01", to: TODAY, bucket: "day" });
    expect(r("year")).toMatchObject({ from: "2026-01-01", to: TODAY, bucket: "month" });
    expect(parseDashboardRange({ range: "quarter" }, "2026-12-31")).toMatchObject({ from: "2026-10-01", bucket: "month" });
  });

  it("takes a valid custom range and refuses a broken one with a reason, falling back to the default", () => {
    expect(parseDashboardRange({ range: "custom", from: "2026-02-01", to: "2026-02-28" }, TODAY)).toMatchObject({ preset: "custom", from: "2026-02-01", to: "2026-02-28", bucket: "day", error: null });
    expect(parseDashboardRange({ range: "custom", from: "2026-03-01", to: "2026-02-01" }, TODAY)).toMatchObject({ preset: "12m", error: "The start date must be on or before the end date." });
    expect(parseDashboardRange({ range: "custom", from: "2026-02-30", to: "2026-03-01" }, TODAY).error).toBe("Pick both a start and an end date.");
    expect(parseDashboardRange({ range: "custom", from: "2000-01-01", to: TODAY }, TODAY).error).toBe("Pick a range of ten years or less.");
    expect(parseDashboardRange({ range: "nonsense" }, TODAY).preset).toBe("12m");
  });

  it("writes the shortest URL for a period", () => {
    expect(rangeQuery({ preset: "12m", from: "x", to: "y" })).toBe("");
    expect(rangeQuery({ preset: "month", from: "x", to: "y" })).toBe("range=month");
    expect(rangeQuery({ preset: "custom", from: "2026-01-01", to: "2026-01-31" })).toBe("range=custom&from=2026-01-01&to=2026-01-31");
  });
});

describe("chart buckets", () => {
  it("lists every day or month of a period, so empty ones show as zero", () => {
    expect(bucketStarts({ from: "2026-02-27", to: "2026-03-02", bucket: "day" })).toEqual(["2026-02-27", "2026-02-28", "2026-03-01", "2026-03-02"]);
    expect(bucketStarts({ from: "2025-11-15", to: "2026-02-03", bucket: "month" })).toEqual(["2025-11-01", "2025-12-01", "2026-01-01", "2026-02-01"]);
  });

  it("ends a month bucket on its last day, clipped to the period, and labels it", () => {
    expect(bucketEnd("2024-02-01", { to: "2026-01-01", bucket: "month" })).toBe("2024-02-29");
    expect(bucketEnd("2026-05-01", { to: TODAY, bucket: "month" })).toBe(TODAY);
    expect(clip("2025-11-01", "2025-11-30", { from: "2025-11-15", to: TODAY })).toEqual({ from: "2025-11-15", to: "2025-11-30" });
    expect(bucketLabel("2025-12-01", "month")).toBe("Dec 2025");
    expect(bucketLabel("2026-03-07", "day")).toBe("Mar 7");
  });
});

describe("links to the lists behind the figures", () => {
  it("use the invoice list's filters", () => {
    expect(invoicesHref("/staff", "EUR", { status: ["overdue"], dueFrom: "2026-04-17", dueTo: "2026-05-16" })).toBe("/staff/invoices?status=overdue&dueFrom=2026-04-17&dueTo=2026-05-16&currency=EUR");
    // Every figure is counted in one currency, so its list is too.
    expect(invoicesHref("/admin", "USD")).toBe("/admin/invoices?currency=USD");
  });
});

describe("short amounts for chart axes", () => {
  it("compacts large amounts and keeps small ones readable", () => {
    expect(formatMoneyCompact(123_456_789, "USD", "en-US")).toBe("$1.2M");
    expect(formatMoneyCompact(95_000, "USD", "en-US")).toBe("$950");
    expect(formatMoneyCompact(0, "USD", "en-US")).toBe("$0");
  });
});
