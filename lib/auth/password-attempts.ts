import "server-only";
import { DomainError } from "@/lib/errors";
import { clear, consume, refund, type LimitDecision } from "@/lib/limits/limiter";
import { limits } from "@/lib/limits/rules";
import { verifyPassword } from "./password";

// Every place that checks a password (sign-in, the end of sign-up, and a
// signed-in person's password checks: change password, change email,
// two-step settings) counts the attempt against the same two counters, the
// account and the IP address, before the password is checked. A right
// password gives the count back, so the limits count failures, and a stolen
// session can't guess the password behind it any faster than the sign-in
// form allows.

const hits = (email: string, ip: string) => ({ account: { rule: limits.loginAccount, key: email.trim().toLowerCase() }, address: { rule: limits.loginIp, key: ip } });

/** Counts one password attempt, atomically, before the password is checked. */
export async function countPasswordAttempt(email: string, ip: string): Promise<LimitDecision> {
  const h = hits(email, ip);
  return consume(h.account, h.address);
}

/** The password was right: the account's count starts over and the address gets its point back. */
export async function passwordAttemptSucceeded(email: string, ip: string): Promise<void> {
  const h = hits(email, ip);
  await Promise.all([clear(h.account), refund(h.address)]);
}

export function tooManyPasswords(retryAfterSeconds: number): DomainError {
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  return new DomainError(`Too many wrong passwords. Wait ${minutes} minute${minutes === 1 ? "" : "s"} and try again.`);
}

/**
 * A signed-in person's password check: counted first, then verified. Throws
 * a DomainError when the limit is reached; answers whether it was right.
 */
export async function checkOwnPassword(input: { email: string; passwordHash: string | null; password: string; ip: string | null | undefined }): Promise<boolean> {
  const ip = input.ip ?? "unknown";
  const decision = await countPasswordAttempt(input.email, ip);
  if (!decision.ok) throw tooManyPasswords(decision.retryAfterSeconds);
  const ok = await verifyPassword(input.passwordHash, input.password);
  if (ok) await passwordAttemptSucceeded(input.email, ip);
  return ok;
}
