import { answerNoSoonerThan } from "@/lib/auth/even-answer";

describe("answerNoSoonerThan", () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  /** Settles `promise` into a flag the test can read between timer steps. */
  function watch<T>(promise: Promise<T>) {
    const state: { done: boolean; value?: T; error?: unknown } = { done: false };
    promise.then(
      (value) => Object.assign(state, { done: true, value }),
      (error: unknown) => Object.assign(state, { done: true, error }),
    );
    return state;
  }

  it("holds a quick answer until the floor, then gives the work's value", async () => {
    const state = watch(answerNoSoonerThan(600, async () => "sent"));
    await jest.advanceTimersByTimeAsync(599);
    expect(state.done).toBe(false);
    await jest.advanceTimersByTimeAsync(1);
    expect(state).toEqual({ done: true, value: "sent" });
  });

  it("holds a failure until the floor too, then throws it", async () => {
    const state = watch(answerNoSoonerThan(600, async () => Promise.reject(new Error("refused"))));
    await jest.advanceTimersByTimeAsync(599);
    expect(state.done).toBe(false);
    await jest.advanceTimersByTimeAsync(1);
    expect(state.error).toEqual(new Error("refused"));
  });

  it("adds nothing to work that took longer than the floor", async () => {
    const state = watch(answerNoSoonerThan(600, () => new Promise((resolve) => setTimeout(() => resolve("late"), 900))));
    await jest.advanceTimersByTimeAsync(900);
    expect(state).toEqual({ done: true, value: "late" });
  });
});
