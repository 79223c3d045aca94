import "server-only";
import { and, desc, eq, isNull } from "drizzle-orm";
import type { Db, DbOrTx } from "@/db";
import { otpCodes, users, type OtpPurpose } from "@/db/schema";
import { consume } from "@/lib/limits/limiter";
import { limits } from "@/lib/limits/rules";
import { enqueue } from "@/lib/notify/enqueue";
import { kickOutbox } from "@/lib/notify/kick";
import { inTransaction } from "@/lib/transaction";
import { generateOtpCode, hashOtpCode, OTP_RESEND_SECONDS, OTP_TTL_MINUTES } from "./code";
import { OtpThrottledError } from "./errors";

export type SendOtpInput = { userId: number; purpose: OtpPurpose; phone: string; ip: string; now?: Date };
export type SentOtp = { otpId: number; expiresAt: Date; resendAt: Date };

/**
 * Texts a fresh code. One transaction: the user row is locked (so two sends
 * at once take turns and the cooldown holds), earlier live codes for the same
 * purpose stop working, the hashed code is stored and the SMS is queued in
 * the outbox. Each call counts against the send limits before anything else. After the commit the in-process worker is woken so the text
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

    await tx
      .update(otpCodes)
      .set({ consumedAt: now })
      .where(and(eq(otpCodes.userId, input.userId), eq(otpCodes.purpose, input.purpose), isNull(otpCodes.consumedAt)));
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
    });
    return { otpId, expiresAt, resendAt: new Date(now.getTime() + OTP_RESEND_SECONDS * 1000) };
  });
  kickOutbox();
  return sent;
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
