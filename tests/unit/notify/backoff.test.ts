import { backoffDelay } from "@/lib/notify/backoff";

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
