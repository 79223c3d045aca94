import "server-only";
import { DomainError } from "@/lib/errors";
import { clear, consume, refund, type Hit, type LimitDecision } from "@/lib/limits/limiter";
import { limits } from "@/lib/limits/rules";
import { verifyPassword } from "./password";

// Every place that checks a password (sign-in, the end of sign-up, and a
// signed-in person's password checks: change password, change email,
// two-step settings) counts the attempt before the password is checked,
// against the account from this IP address, the IP address, and (not for a
// signed-in person) the account from everywhere. A right password gives the
// count back, so the limits count failures, and a stolen session can't guess
// the password behind it any faster than the sign-in form allows.
//
// The account-wide counter is the loose one (lib/limits/rules.ts): a
// stranger who types someone's email with wrong passwords uses up their own
// address's budget for that account, and needs many addresses to lock the
// owner out. A signed-in person's checks don't count against it, so such an
// attack can't stop the owner changing their password either, and a password
// reset (which proves the mailbox) starts the account's counts over.

type Counters = { accountIp: Hit; account: Hit; address: Hit };

function counters(email: string, ip: string): Counters {
  const account = email.trim().toLowerCase();
  return {
    accountIp: { rule: limits.loginAccountIp, key: `${account} ${ip}` },
    account: { rule: limits.loginAccount, key: account },
    address: { rule: limits.loginIp, key: ip },
  };
}

/** Counts one password attempt, atomically, before the password is checked; `signedIn` leaves out the account-wide counter. */
export async function countPasswordAttempt(email: string, ip: string, { signedIn = false }: { signedIn?: boolean } = {}): Promise<LimitDecision> {
  const c = counters(email, ip);
  return signedIn ? consume(c.accountIp, c.address) : consume(c.accountIp, c.account, c.address);
}

/** The password was right (or a reset set a new one): the account's counts start over and the address gets its point back. */
export async function passwordAttemptSucceeded(email: string, ip: string): Promise<void> {
  const c = counters(email, ip);
  await Promise.all([clear(c.accountIp), clear(c.account), refund(c.address)]);
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
  const decision = await countPasswordAttempt(input.email, ip, { signedIn: true });
  if (!decision.ok) throw tooManyPasswords(decision.retryAfterSeconds);
  const ok = await verifyPassword(input.passwordHash, input.password);
  if (ok) await passwordAttemptSucceeded(input.email, ip);
  return ok;
}
