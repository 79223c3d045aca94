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

/** The bounds on how long a provider's 429 may hold its messages back. */
export const RATE_LIMIT_MIN_MS = 1000;
export const RATE_LIMIT_MAX_MS = 120_000;
/** The wait after a 429 that names none: a few of the providers' one-second windows. */
export const RATE_LIMIT_DEFAULT_MS = 5000;

/**
 * The wait a 429's Retry-After asks for (seconds, or an HTTP date), kept
 * within 1 s and 2 min: a header asking for an hour would park urgent mail
 * (password resets, codes) behind a provider's mistake, and one asking for
 * nothing would have the worker hammer it again at once.
 */
export function retryAfterDelay(header: string | null | undefined, now: number = Date.now()): number {
  const value = header?.trim();
  let ms = Number.NaN;
  if (value && /^\d+(\.\d+)?$/.test(value)) ms = Number(value) * 1000;
  else if (value) ms = Date.parse(value) - now;
  if (!Number.isFinite(ms)) return RATE_LIMIT_DEFAULT_MS;
  return Math.min(RATE_LIMIT_MAX_MS, Math.max(RATE_LIMIT_MIN_MS, Math.round(ms)));
}
