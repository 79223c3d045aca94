import "server-only";
import { clear, consume, waitText } from "@/lib/limits/limiter";
import { limits } from "@/lib/limits/rules";

/**
 * Counts one second-factor attempt against the account and the IP, first and
 * atomically (DESIGN rule 11), for every factor alike. Null when it may go
 * ahead, else what to tell the person.
 */
export async function countSecondFactorAttempt(userId: number, ip: string): Promise<string | null> {
  const decision = await consume({ rule: limits.secondFactorUser, key: userId }, { rule: limits.secondFactorIp, key: ip });
  return decision.ok ? null : `Too many tries. Wait ${waitText(decision.retryAfterSeconds)} and try again.`;
}

/** A right answer starts the account's count over, so the limit counts failures. */
export async function secondFactorSucceeded(userId: number): Promise<void> {
  await clear({ rule: limits.secondFactorUser, key: userId });
}
