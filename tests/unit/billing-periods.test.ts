import { billingAnchor, nthPeriod, periodContaining } from "@/lib/billing/periods";

describe("billing periods", () => {
  it("end the day before the next one starts, counted from the anchor so month ends don't drift", () => {
    expect(nthPeriod("2026-01-31", "monthly", 0)).toEqual({ start: "2026-01-31", end: "2026-02-27" });
    expect(nthPeriod("2026-01-31", "monthly", 1)).toEqual({ start: "2026-02-28", end: "2026-03-30" });
    expect(nthPeriod("2026-01-31", "monthly", 2)).toEqual({ start: "2026-03-31", end: "2026-04-29" });
    expect(nthPeriod("2025-12-31", "quarterly", 1)).toEqual({ start: "2026-03-31", end: "2026-06-29" });
    expect(periodContaining("2026-01-31", "monthly", "2026-02-27")).toEqual({ start: "2026-01-31", end: "2026-02-27" });
    expect(periodContaining("2026-01-31", "monthly", "2026-02-28")).toEqual({ start: "2026-02-28", end: "2026-03-30" });
  });
});

describe("the day a subscription's periods count from", () => {
  // Subscribed at 17:00 on 31 March in Los Angeles: already 1 April in UTC.
  const startedAt = new Date("2026-04-01T00:00:00Z");

  it("is the business day it started on, not the UTC day", () => {
    const anchor = billingAnchor({ startedAt, interval: "monthly", currentPeriodStart: "2026-03-31" }, "America/Los_Angeles");
    expect(anchor).toBe("2026-03-31");
    // So the second period starts on 30 April (31 March + 1 month, clamped), not 1 May.
    expect(periodContaining(anchor, "monthly", "2026-04-30")).toEqual({ start: "2026-04-30", end: "2026-05-30" });
  });

  it("stays on the stored periods when the business has changed its zone since", () => {
    // Started in a Los Angeles business; the business now keeps UTC, where that instant is 1 April.
    expect(billingAnchor({ startedAt, interval: "monthly", currentPeriodStart: "2026-04-30" }, "UTC")).toBe("2026-03-31");
    // And the other way: started in a UTC business on 1 April, now in Los Angeles, where it was 31 March.
    expect(billingAnchor({ startedAt, interval: "monthly", currentPeriodStart: "2026-05-01" }, "America/Los_Angeles")).toBe("2026-04-01");
  });
});
