/**
 * Runs `work` and answers no sooner than `floorMs` after it started, whether
 * it finished early, returned early or threw. For public forms whose answer
 * must not tell who has an account: "email me a reset link" does a React
 * Email render and a transaction for an account and one SELECT for a
 * stranger, and the time taken would say which (the words are the same).
 * The wait is idle, not spent: a timer, not CPU.
 */
export async function answerNoSoonerThan<T>(floorMs: number, work: () => Promise<T>): Promise<T> {
  const started = performance.now();
  try {
    return await work();
  } finally {
    const left = floorMs - (performance.now() - started);
    if (left > 0) await new Promise((resolve) => setTimeout(resolve, left));
  }
}
