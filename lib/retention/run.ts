import "server-only";
import type { Db } from "@/db";
import { pruneOutbox } from "./outbox";
import { clearInviteTokens, deleteEmailChanges, deleteOtpCodes, deletePasswordResets, deleteRateLimits, deleteSessions } from "./tokens";

/**
 * How long a used or expired one-time code or token is kept. Long enough that
 * someone opening a link or typing a code again the same day is told it was
 * used or has expired (not that it is unknown); a dead token's hash is no use
 * to anyone.
 */
export const TOKEN_GRACE_MS = 24 * 60 * 60_000;

export type RetentionResult = {
  /** Outbox messages whose bodies were emptied. */
  messages: number;
  otpCodes: number;
  passwordResets: number;
  emailChanges: number;
  sessions: number;
  rateLimits: number;
  /** Staff invites whose token hashes were cleared. */
  invites: number;
};

/**
 * Removes what the app no longer needs and should not keep: the bodies of
 * messages finished more than `outboxDays` ago, used or expired codes and
 * tokens (after TOKEN_GRACE_MS), expired sessions and rate-limit counters.
 * Invoice links stay: their page tells an expired link from an unknown one.
 * Every step works in batches and is safe to run again, or in several
 * processes at once: a second run finds nothing left to do.
 */
export async function runRetention(db: Db, options: { outboxDays: number; now?: Date; batchSize?: number }): Promise<RetentionResult> {
  const now = options.now ?? new Date();
  const size = options.batchSize ?? 500;
  const messagesBefore = new Date(now.getTime() - options.outboxDays * 24 * 60 * 60_000);
  const tokensBefore = new Date(now.getTime() - TOKEN_GRACE_MS);
  // One step after another, so the job never takes more than one connection.
  return {
    messages: await pruneOutbox(db, messagesBefore, size),
    otpCodes: await deleteOtpCodes(db, tokensBefore, size),
    passwordResets: await deletePasswordResets(db, tokensBefore, size),
    emailChanges: await deleteEmailChanges(db, tokensBefore, size),
    sessions: await deleteSessions(db, now, size),
    rateLimits: await deleteRateLimits(db, now, size),
    invites: await clearInviteTokens(db, tokensBefore, size),
  };
}

const labels: Record<keyof RetentionResult, string> = {
  messages: "message bodies emptied",
  otpCodes: "one-time codes deleted",
  passwordResets: "password resets deleted",
  emailChanges: "email changes deleted",
  sessions: "expired sessions deleted",
  rateLimits: "rate-limit counters deleted",
  invites: "invites' token hashes cleared",
};

/** "message bodies emptied: 3, one-time codes deleted: 12": only what changed, empty when nothing did. */
export function describeRetention(result: RetentionResult): string {
  return (Object.keys(labels) as (keyof RetentionResult)[])
    .filter((k) => result[k] > 0)
    .map((k) => `${labels[k]}: ${result[k]}`)
    .join(", ");
}
