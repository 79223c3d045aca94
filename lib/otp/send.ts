import "server-only";
import { and, desc, eq, inArray, isNull, lt, or, sql } from "drizzle-orm";
import type { Db, DbOrTx } from "@/db";
import { outbox, otpCodes, users, type OtpPurpose } from "@/db/schema";
import { consume } from "@/lib/limits/limiter";
import { limits } from "@/lib/limits/rules";
import { enqueue } from "@/lib/notify/enqueue";
import { kickOutbox } from "@/lib/notify/kick";
import { inTransaction } from "@/lib/transaction";
import { generateOtpCode, hashOtpCode, OTP_RESEND_SECONDS, OTP_TTL_MINUTES } from "./code";
import { OtpThrottledError } from "./errors";

export type SendOtpInput = { userId: number; purpose: OtpPurpose; phone: string; ip: string; now?: Date };
export type SentOtp = { otpId: number; expiresAt: Date; resendAt: Date };

const REPLACED = "Not sent: a newer code was sent for the same sign-in or phone check, so this one no longer works.";

/**
 * Texts a fresh code. One transaction: the user row is locked (so two sends
 * at once take turns and the cooldown holds), earlier live codes for the same
 * purpose stop working and their texts still waiting in the outbox are
 * cancelled, the hashed code is stored and the SMS is queued in the outbox,
 * expiring with the code. Each call counts against the send limits before anything else. After the commit the in-process worker is woken so the text
 * leaves at once (so this takes the database, never an open transaction). Throws OtpThrottledError for the cooldown and the limits.
 */
export async function sendOtp(db: Db, input: SendOtpInput): Promise<SentOtp> {
  const now = input.now ?? new Date();
  // Counted first, atomically, so parallel sends can't slip past the limits.
  const decision = await consume({ rule: limits.otpSendUser, key: input.userId }, { rule: limits.otpSendIp, key: input.ip });
  if (!decision.ok) throw new OtpThrottledError(decision.retryAfterSeconds, "limit");

  const sent = await inTransaction(db, async (tx) => {
    await tx.select({ id: users.id }).from(users).where(eq(users.id, input.userId)).limit(1).for("update");
    const wait = await cooldownLeft(tx, input.userId, input.purpose, now);
    if (wait > 0) throw new OtpThrottledError(wait, "cooldown");

    const live = and(eq(otpCodes.userId, input.userId), eq(otpCodes.purpose, input.purpose), isNull(otpCodes.consumedAt));
    const retired = await tx.select({ id: otpCodes.id }).from(otpCodes).where(live);
    await tx.update(otpCodes).set({ consumedAt: now }).where(live);
    await cancelCodeMessages(
      tx,
      retired.map((c) => c.id),
    );
    const code = generateOtpCode();
    const expiresAt = new Date(now.getTime() + OTP_TTL_MINUTES * 60_000);
    const [res] = await tx.insert(otpCodes).values({
      userId: input.userId,
      purpose: input.purpose,
      codeHash: hashOtpCode(input.userId, input.purpose, code),
      phone: input.phone,
      expiresAt,
      ip: input.ip,
      createdAt: now,
    });
    const otpId = res.insertId;
    // A code is something the person asked for, so it goes out whatever their marketing SMS consent.
    await enqueue(tx, {
      channel: "sms",
      to: input.phone,
      template: "otp_code",
      data: { code, minutes: OTP_TTL_MINUTES },
      related: { type: "user", id: input.userId },
      idempotencyKey: `otp:${otpId}`,
      // Retried after a failure, a code must never arrive once it no longer works.
      expiresAt,
    });
    return { otpId, expiresAt, resendAt: new Date(now.getTime() + OTP_RESEND_SECONDS * 1000) };
  });
  kickOutbox();
  return sent;
}

/**
 * Cancels the texts of retired codes that haven't gone out: waiting (queued,
 * or failed and due to be retried) or left by a worker whose lease ran out,
 * which the next claim would send again. Otherwise a text held up by a
 * provider outage arrives after the newer code and gets typed in. One in
 * flight under a live lease is left to its worker.
 */
async function cancelCodeMessages(tx: DbOrTx, otpIds: number[]): Promise<void> {
  if (!otpIds.length) return;
  await tx
    .update(outbox)
    .set({ status: "dead", lastError: REPLACED, secrets: null, lockedBy: null, lockedUntil: null })
    .where(
      and(
        inArray(
          outbox.idempotencyKey,
          otpIds.map((id) => `otp:${id}`),
        ),
        or(inArray(outbox.status, ["queued", "failed"]), and(eq(outbox.status, "sending"), lt(outbox.lockedUntil, sql`NOW(3)`))),
      ),
    );
}

/**
 * When another code may be sent for this user and purpose; null when one may
 * be sent now. The cooldown runs from the newest code while it is unused: a
 * code that was just used (a finished sign-in) doesn't hold up the next one.
 */
export async function nextResendAt(db: DbOrTx, userId: number, purpose: OtpPurpose): Promise<Date | null> {
  const [last] = await db
    .select({ createdAt: otpCodes.createdAt, consumedAt: otpCodes.consumedAt })
    .from(otpCodes)
    .where(and(eq(otpCodes.userId, userId), eq(otpCodes.purpose, purpose)))
    .orderBy(desc(otpCodes.createdAt), desc(otpCodes.id))
    .limit(1);
  return last && !last.consumedAt ? new Date(last.createdAt.getTime() + OTP_RESEND_SECONDS * 1000) : null;
}

/** Seconds until another code may be sent for this user and purpose. */
export async function cooldownLeft(db: DbOrTx, userId: number, purpose: OtpPurpose, now = new Date()): Promise<number> {
  const at = await nextResendAt(db, userId, purpose);
  const left = at ? at.getTime() - now.getTime() : 0;
  return left > 0 ? Math.ceil(left / 1000) : 0;
}
