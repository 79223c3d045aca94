import "server-only";
import { createHash } from "node:crypto";
import { RateLimiterMySQL, type RateLimiterRes } from "rate-limiter-flexible";
import { getCallbackPool } from "@/db";
import { rateLimitAddress } from "@/lib/client-address.mjs";
import { env } from "@/lib/env";
import { DomainError } from "@/lib/errors";
import type { LimitRule } from "./rules";

// Rate limits through rate-limiter-flexible's MySQL store: each hit is one
// upsert-and-read in its own short transaction, so the count is taken first
// and atomically, and the decision is made on the count that hit produced.
// N parallel attempts get N different counts, and only those within the limit
// pass. Counters live in the rate_limiter table (a migration creates it), so
// every app process shares them; the library deletes expired rows every few
// minutes and the retention job sweeps whatever is left.

export type Hit = { rule: LimitRule; key: string | number; cost?: number };
export type LimitDecision = { ok: true } | { ok: false; rule: LimitRule; retryAfterSeconds: number };

const store = globalThis as unknown as { __clientdeskLimiters?: Map<string, RateLimiterMySQL> };

function databaseName(): string {
  const name = decodeURIComponent(new URL(env().DATABASE_URL).pathname.replace(/^\//, ""));
  if (!name) throw new Error("DATABASE_URL names no database, so the rate limiter has no table to use.");
  return name;
}

function limiterFor(rule: LimitRule): RateLimiterMySQL {
  const limiters = (store.__clientdeskLimiters ??= new Map());
  const id = `${rule.name}|${rule.points}|${rule.seconds}`;
  let limiter = limiters.get(id);
  if (!limiter) {
    limiter = new RateLimiterMySQL({
      storeClient: getCallbackPool(),
      storeType: "pool",
      dbName: databaseName(),
      tableName: "rate_limiter",
      tableCreated: true,
      keyPrefix: rule.name,
      points: rule.points,
      duration: rule.seconds,
    });
    limiters.set(id, limiter);
  }
  return limiter;
}

/**
 * Keys hold no personal data and fit the column: anything long or with an @ is
 * hashed. An IPv6 address is counted by its /64 (rateLimitAddress), whichever
 * per-IP rule it is a key of.
 */
export function limitKey(value: string | number): string {
  const text = rateLimitAddress(String(value).toLowerCase());
  return text.length <= 64 && !text.includes("@") ? text : createHash("sha256").update(text).digest("base64url").slice(0, 32);
}

const RETRYABLE = new Set([1213, 1205]);

// A refusal is the library's RateLimiterRes, not an Error. It is recognised
// by shape: each server bundle may hold its own copy of the library while the
// limiters are shared on globalThis, so `instanceof` can see another copy's class.
function isRefusal(error: unknown): error is RateLimiterRes {
  return typeof error === "object" && error !== null && !(error instanceof Error) && typeof (error as RateLimiterRes).msBeforeNext === "number";
}

async function withRetry<T>(fn: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (error) {
      const errno = (error as { errno?: number } | null)?.errno;
      if (isRefusal(error) || errno === undefined || !RETRYABLE.has(errno) || attempt >= 4) throw error;
      await new Promise((resolve) => setTimeout(resolve, 5 + Math.random() * 20 * attempt));
    }
  }
}

/**
 * Counts each hit (its cost, default 1) and then decides: refused when any
 * counter went past its rule's points. Every hit is counted whatever the
 * outcome, so a refused attempt still uses up the window.
 */
export async function consume(...hits: Hit[]): Promise<LimitDecision> {
  let refused: LimitDecision | null = null;
  for (const hit of hits) {
    try {
      await withRetry(() => limiterFor(hit.rule).consume(limitKey(hit.key), hit.cost ?? 1));
    } catch (error) {
      if (!isRefusal(error)) throw error;
      const retryAfterSeconds = Math.max(1, Math.ceil(error.msBeforeNext / 1000));
      if (!refused || (!refused.ok && retryAfterSeconds > refused.retryAfterSeconds)) refused = { ok: false, rule: hit.rule, retryAfterSeconds };
    }
  }
  return refused ?? { ok: true };
}

/** Gives back what a hit counted (a sign-in that turned out right shouldn't count as a failure). */
export async function refund(hit: Hit): Promise<void> {
  await withRetry(() => limiterFor(hit.rule).reward(limitKey(hit.key), hit.cost ?? 1));
}

/** Starts a counter over (an account's failures after a right password). */
export async function clear(hit: Omit<Hit, "cost">): Promise<void> {
  await withRetry(() => limiterFor(hit.rule).delete(limitKey(hit.key)));
}

/** What a counter holds in its current window (0 when it has none). */
export async function counted(hit: Omit<Hit, "cost">): Promise<number> {
  const res = await withRetry(() => limiterFor(hit.rule).get(limitKey(hit.key)));
  return res?.consumedPoints ?? 0;
}

/** How long until a counter has room again, without counting anything; 0 when it has room now. */
export async function waitFor(hit: Hit): Promise<number> {
  const res = await withRetry(() => limiterFor(hit.rule).get(limitKey(hit.key)));
  if (!res || res.consumedPoints + (hit.cost ?? 1) <= hit.rule.points) return 0;
  return Math.max(1, Math.ceil(res.msBeforeNext / 1000));
}

/** "12 minutes", "3 hours": how long until a refused person may try again. */
export function waitText(seconds: number): string {
  if (seconds < 90 * 60) {
    const minutes = Math.max(1, Math.ceil(seconds / 60));
    return `${minutes} minute${minutes === 1 ? "" : "s"}`;
  }
  const hours = Math.ceil(seconds / 3600);
  return `${hours} hour${hours === 1 ? "" : "s"}`;
}

/** Counts the hits and throws a DomainError (the message given the wait) when any limit is reached. */
export async function consumeOrRefuse(message: (wait: string) => string, ...hits: Hit[]): Promise<void> {
  const decision = await consume(...hits);
  if (!decision.ok) throw new DomainError(message(waitText(decision.retryAfterSeconds)));
}
