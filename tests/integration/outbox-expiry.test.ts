import { eq, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { outbox } from "@/db/schema";
import { retryMessage } from "@/lib/actions/outbox/retry-message";
import { EXPIRED } from "@/lib/notify/claim";
import { createWorker } from "@/lib/notify/worker";
import { sendOtp } from "@/lib/otp/send";
import { OTP_RESEND_SECONDS } from "@/lib/otp/code";
import { createUser } from "../support/factories";
import { drain, enqueueCommitted, getAttempts, getMessage, smsInput, stubProviders, withProviderStubs } from "../support/outbox";
import { freshPhone } from "../support/otp";
import { actAs } from "../support/request-context";

const stubs = withProviderStubs();

const worker = (workerId = "w1") => createWorker({ workerId, providers: stubProviders(stubs.resend, stubs.twilio), backoff: { baseMs: 40, maxMs: 200 } });
const past = () => new Date(Date.now() - 1000);
const expire = (id: number) => getDb().update(outbox).set({ expiresAt: past() }).where(eq(outbox.id, id));

describe("a message past its expiry", () => {
  it("is never sent: the claim marks it dead with the reason and drops its code", async () => {
    const { id } = await enqueueCommitted(smsInput({ expiresAt: past() }));
    expect(await worker().runOnce()).toBe(0);
    expect(stubs.twilio.arrivals).toHaveLength(0);
    expect(await getMessage(id)).toMatchObject({ status: "dead", attempts: 0, lastError: EXPIRED, secrets: null, lockedBy: null });
  });

  it("is not retried after a failure, nor after its worker lost the lease mid-send", async () => {
    const failedOnce = await enqueueCommitted(smsInput({ expiresAt: new Date(Date.now() + 60_000) }));
    stubs.twilio.faults.failNext(1);
    await worker().runOnce();
    expect(await getMessage(failedOnce.id)).toMatchObject({ status: "failed", attempts: 1 });
    await expire(failedOnce.id);
    await getDb()
      .update(outbox)
      .set({ nextAttemptAt: sql`NOW(3)` })
      .where(eq(outbox.id, failedOnce.id));

    // Claimed by a worker that died after Twilio may have taken it: the unclear failure SMS can't dedupe.
    const leaseLost = await enqueueCommitted(smsInput({ expiresAt: past() }));
    await getDb()
      .update(outbox)
      .set({ status: "sending", attempts: 1, lockedBy: "gone", lockedUntil: sql`NOW(3) - INTERVAL 1 SECOND` })
      .where(eq(outbox.id, leaseLost.id));

    expect(await worker("w2").runOnce()).toBe(0);
    expect(stubs.twilio.requests).toHaveLength(0);
    expect(await getMessage(failedOnce.id)).toMatchObject({ status: "dead", attempts: 1, lastError: EXPIRED, secrets: null });
    expect(await getMessage(leaseLost.id)).toMatchObject({ status: "dead", attempts: 1, lastError: EXPIRED, lockedBy: null });
    expect(await getAttempts(failedOnce.id)).toHaveLength(1);
  });

  it("can't be sent again with Retry now", async () => {
    const admin = await createUser({ role: "admin" });
    const { id } = await enqueueCommitted(smsInput({ expiresAt: new Date(Date.now() + 60_000) }));
    // Failed and waiting for its next try, code still sealed, when it runs out.
    await getDb()
      .update(outbox)
      .set({ status: "failed", attempts: 3, lastError: "Twilio: down (HTTP 500)", nextAttemptAt: sql`NOW(3) + INTERVAL 1 HOUR` })
      .where(eq(outbox.id, id));
    await expire(id);
    await actAs(admin);
    expect(await retryMessage(undefined, { id })).toMatchObject({ ok: false, formError: expect.stringMatching(/has expired/) });
    expect(await getMessage(id)).toMatchObject({ status: "failed", attempts: 3 });
  });
});

describe("a new code", () => {
  it("cancels the older code's text still waiting in the outbox, in the same transaction", async () => {
    const user = await createUser({ role: "client" });
    const phone = freshPhone();
    const first = await sendOtp(getDb(), { userId: user.id, purpose: "login", phone, ip: "198.51.100.7" });
    // Twilio is failing, so the first text waits for its retry.
    stubs.twilio.faults.failNext(1);
    await worker().runOnce();
    const [firstText] = await getDb()
      .select()
      .from(outbox)
      .where(eq(outbox.idempotencyKey, `otp:${first.otpId}`));
    expect(firstText).toMatchObject({ status: "failed", attempts: 1 });
    expect(firstText!.expiresAt?.getTime()).toBe(first.expiresAt.getTime());

    // "Resend" after the cooldown retires the first code.
    const second = await sendOtp(getDb(), { userId: user.id, purpose: "login", phone, ip: "198.51.100.7", now: new Date(Date.now() + (OTP_RESEND_SECONDS + 1) * 1000) });
    expect(await getMessage(firstText!.id)).toMatchObject({ status: "dead", secrets: null, lastError: expect.stringMatching(/newer code/) });

    await getDb()
      .update(outbox)
      .set({ nextAttemptAt: sql`NOW(3)` })
      .where(eq(outbox.toFirst, phone));
    await drain(worker("w3"));
    // Only the new code reaches the phone.
    expect(stubs.twilio.requests).toHaveLength(1);
    const [secondText] = await getDb()
      .select()
      .from(outbox)
      .where(eq(outbox.idempotencyKey, `otp:${second.otpId}`));
    expect(secondText).toMatchObject({ status: "sent" });
    expect(stubs.twilio.requests[0]!.sid).toBe(secondText!.providerMessageId);
  });
});
