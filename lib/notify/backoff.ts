export type BackoffPolicy = { baseMs: number; maxMs: number };

export const defaultBackoff: BackoffPolicy = { baseMs: 60_000, maxMs: 60 * 60_000 };

/**
 * The wait before the next try after `attempt` failed tries: exponential
 * (base, 2×base, 4×base ... up to max) with "equal jitter", half fixed and
 * half random, so retries of a burst spread out instead of hitting a
 * recovering provider together, and never come sooner than half the step.
 */
export function backoffDelay(attempt: number, policy: BackoffPolicy, random: () => number = Math.random): number {
  const step = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(step / 2 + random() * (step / 2));
}
