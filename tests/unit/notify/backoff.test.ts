import { backoffDelay, retryAfterDelay } from "@/lib/notify/backoff";

const policy = { baseMs: 1000, maxMs: 8000 };

describe("retry backoff", () => {
  it("doubles each attempt up to the cap", () => {
    const top = (attempt: number) => backoffDelay(attempt, policy, () => 1);
    expect([1, 2, 3, 4, 5, 6].map(top)).toEqual([1000, 2000, 4000, 8000, 8000, 8000]);
  });

  it("jitters between half and all of the step, so a burst of retries spreads out", () => {
    expect(backoffDelay(3, policy, () => 0)).toBe(2000);
    expect(backoffDelay(3, policy, () => 0.5)).toBe(3000);
    const samples = Array.from({ length: 200 }, () => backoffDelay(3, policy));
    expect(Math.min(...samples)).toBeGreaterThanOrEqual(2000);
    expect(Math.max(...samples)).toBeLessThanOrEqual(4000);
    expect(new Set(samples).size).toBeGreaterThan(50);
  });
});

describe("retryAfterDelay", () => {
  const now = Date.UTC(2026, 0, 5, 12, 0, 0);
  it("reads Retry-After in seconds or as an HTTP date", () => {
    expect(retryAfterDelay("7", now)).toBe(7000);
    expect(retryAfterDelay("1.5", now)).toBe(1500);
    expect(retryAfterDelay(new Date(now + 30_000).toUTCString(), now)).toBe(30_000);
  });
  it("keeps the wait between 1 s and 2 min, and waits 5 s without a usable header", () => {
    expect(retryAfterDelay("0", now)).toBe(1000);
    expect(retryAfterDelay("3600", now)).toBe(120_000);
    expect(retryAfterDelay(new Date(now - 60_000).toUTCString(), now)).toBe(1000);
    expect(retryAfterDelay(undefined, now)).toBe(5000);
    expect(retryAfterDelay("soon", now)).toBe(5000);
  });
});
