import { desc, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { otpCodes, outbox } from "@/db/schema";
import { OTP_MAX_ATTEMPTS, OTP_RESEND_SECONDS } from "@/lib/otp/code";
import { OtpThrottledError } from "@/lib/otp/errors";
import { limits } from "@/lib/limits/rules";

const OTP_SENDS_PER_USER = limits.otpSendUser.points;
const OTP_SENDS_PER_IP = limits.otpSendIp.points;
import { sendOtp } from "@/lib/otp/send";
import { verifyOtp } from "@/lib/otp/verify";
import { resetDatabase } from "../support/db";
import { createUser } from "../support/factories";
import { ageLastCode, freshPhone, lastTextedCode } from "../support/otp";

let ipSeq = 0;
const freshIp = () => `198.51.100.${++ipSeq}`;

async function userWithPhone() {
  const user = await createUser({ role: "client" });
  return { ...user, phone: freshPhone() };
}

async function send(user: { id: number; phone: string }, ip = freshIp()) {
  return sendOtp(getDb(), { userId: user.id, purpose: "login", phone: user.phone, ip });
}

const wrong = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, "0");

beforeAll(async () => {
  await resetDatabase();
});

describe("sending a code", () => {
  it("texts six digits through the outbox and stores only a hash that expires in 10 minutes", async () => {
    const user = await userWithPhone();
    const before = Date.now();
    const sent = await send(user);
    const code = await lastTextedCode(user.phone);
    expect(code).toMatch(/^\d{6}$/);
    const [row] = await getDb().select().from(otpCodes).where(eq(otpCodes.id, sent.otpId));
    expect(row?.codeHash).toMatch(/^[0-9a-f]{64}$/);
    expect(row?.codeHash).not.toContain(code);
    expect(row?.expiresAt.getTime()).toBeGreaterThanOrEqual(before + 10 * 60_000 - 1000);
    expect(row?.expiresAt.getTime()).toBeLessThanOrEqual(Date.now() + 10 * 60_000);
    const [message] = await getDb()
      .select()
      .from(outbox)
      .where(eq(outbox.idempotencyKey, `otp:${sent.otpId}`));
    expect(message).toMatchObject({ channel: "sms", status: "queued", toFirst: user.phone, template: "otp_code" });
    // The queued text holds the code only encrypted, until the worker sends it.
    expect(JSON.stringify(message)).not.toContain(code);
  });

  it(`refuses a resend within ${OTP_RESEND_SECONDS} seconds, then allows it and retires the earlier code`, async () => {
    const user = await userWithPhone();
    await send(user);
    const first = await lastTextedCode(user.phone);
    const refused = await send(user).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(OtpThrottledError);
    expect(refused).toMatchObject({ kind: "cooldown" });
    expect((refused as OtpThrottledError).retryAfterSeconds).toBeGreaterThan(0);
    expect((refused as OtpThrottledError).retryAfterSeconds).toBeLessThanOrEqual(OTP_RESEND_SECONDS);

    await ageLastCode(user.id, OTP_RESEND_SECONDS + 1);
    await send(user);
    const second = await lastTextedCode(user.phone);
    // The first code stopped working when the second was sent.
    if (first !== second) expect(await verifyOtp(getDb(), { userId: user.id, purpose: "login", code: first })).toMatchObject({ ok: false });
    expect(await verifyOtp(getDb(), { userId: user.id, purpose: "login", code: second })).toMatchObject({ ok: true });
  });

  it("lets a new code go at once after the previous one was used (the next sign-in), within the send limits", async () => {
    const user = await userWithPhone();
    await send(user);
    expect(await verifyOtp(getDb(), { userId: user.id, purpose: "login", code: await lastTextedCode(user.phone) })).toMatchObject({ ok: true });
    await expect(send(user)).resolves.toMatchObject({ otpId: expect.any(Number) });
    // Unused, it holds the cooldown again.
    await expect(send(user)).rejects.toMatchObject({ kind: "cooldown" });
  });

  it(`limits sends to ${OTP_SENDS_PER_USER} per user, whatever the IP`, async () => {
    const user = await userWithPhone();
    for (let i = 0; i < OTP_SENDS_PER_USER; i++) {
      await send(user);
      await ageLastCode(user.id, OTP_RESEND_SECONDS + 1);
    }
    await expect(send(user)).rejects.toMatchObject({ kind: "limit" });
  });

  it(`limits sends to ${OTP_SENDS_PER_IP} per IP address, across users`, async () => {
    const ip = "203.0.113.9";
    for (let i = 0; i < OTP_SENDS_PER_IP; i++) await send(await userWithPhone(), ip);
    const next = await userWithPhone();
    await expect(send(next, ip)).rejects.toMatchObject({ kind: "limit" });
    // The same user from another address is fine.
    await expect(send(next)).resolves.toMatchObject({ otpId: expect.any(Number) });
  });
});

describe("checking a code", () => {
  it("accepts the right code once: a code used twice is refused", async () => {
    const user = await userWithPhone();
    await send(user);
    const code = await lastTextedCode(user.phone);
    expect(await verifyOtp(getDb(), { userId: user.id, purpose: "login", code: `${code.slice(0, 3)} ${code.slice(3)}` })).toMatchObject({ ok: true, phone: user.phone });
    expect(await verifyOtp(getDb(), { userId: user.id, purpose: "login", code })).toEqual({ ok: false, reason: "none" });
  });

  it("refuses an expired code, even the right one", async () => {
    const user = await userWithPhone();
    const sent = await send(user);
    const code = await lastTextedCode(user.phone);
    await getDb()
      .update(otpCodes)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(otpCodes.id, sent.otpId));
    expect(await verifyOtp(getDb(), { userId: user.id, purpose: "login", code })).toEqual({ ok: false, reason: "expired" });
  });

  it("expires exactly 10 minutes after sending (checked with the clock moved on)", async () => {
    const user = await userWithPhone();
    await send(user);
    const code = await lastTextedCode(user.phone);
    const late = new Date(Date.now() + 10 * 60_000 + 1000);
    expect(await verifyOtp(getDb(), { userId: user.id, purpose: "login", code, now: late })).toEqual({ ok: false, reason: "expired" });
    const inTime = new Date(Date.now() + 9 * 60_000);
    expect(await verifyOtp(getDb(), { userId: user.id, purpose: "login", code, now: inTime })).toMatchObject({ ok: true });
  });

  it(`allows ${OTP_MAX_ATTEMPTS} tries: the 6th is refused even with the right code`, async () => {
    const user = await userWithPhone();
    await send(user);
    const code = await lastTextedCode(user.phone);
    for (let i = 1; i <= OTP_MAX_ATTEMPTS; i++) {
      expect(await verifyOtp(getDb(), { userId: user.id, purpose: "login", code: wrong(code) })).toEqual({ ok: false, reason: "invalid", attemptsLeft: OTP_MAX_ATTEMPTS - i });
    }
    expect(await verifyOtp(getDb(), { userId: user.id, purpose: "login", code })).toEqual({ ok: false, reason: "too_many" });
    const [row] = await getDb().select({ attempts: otpCodes.attempts }).from(otpCodes).where(eq(otpCodes.userId, user.id)).orderBy(desc(otpCodes.id)).limit(1);
    expect(row?.attempts).toBe(OTP_MAX_ATTEMPTS);
  });

  it("counts parallel wrong guesses one by one (the row is locked)", async () => {
    const user = await userWithPhone();
    await send(user);
    const code = await lastTextedCode(user.phone);
    const results = await Promise.all(Array.from({ length: 8 }, () => verifyOtp(getDb(), { userId: user.id, purpose: "login", code: wrong(code) })));
    expect(results.filter((r) => !r.ok && r.reason === "invalid")).toHaveLength(OTP_MAX_ATTEMPTS);
    expect(results.filter((r) => !r.ok && r.reason === "too_many")).toHaveLength(8 - OTP_MAX_ATTEMPTS);
  });

  it("keeps codes apart by user and by purpose", async () => {
    const a = await userWithPhone();
    const b = await userWithPhone();
    await send(a);
    const code = await lastTextedCode(a.phone);
    await sendOtp(getDb(), { userId: b.id, purpose: "login", phone: b.phone, ip: freshIp() });
    expect(await verifyOtp(getDb(), { userId: a.id, purpose: "phone_verify", code })).toEqual({ ok: false, reason: "none" });
    const bCode = await lastTextedCode(b.phone);
    if (bCode !== code) expect(await verifyOtp(getDb(), { userId: b.id, purpose: "login", code })).toMatchObject({ ok: false, reason: "invalid" });
    expect(await verifyOtp(getDb(), { userId: a.id, purpose: "login", code })).toMatchObject({ ok: true });
  });
});
