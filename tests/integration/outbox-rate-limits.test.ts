import { eq, inArray, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { outbox } from "@/db/schema";
import { createResendProvider } from "@/lib/notify/providers/resend";
import { createWorker } from "@/lib/notify/worker";
import { drain, emailInput, enqueueCommitted, getAttempts, getMessage, smsInput, stubProviders, TEST_FROM, withProviderStubs } from "../support/outbox";

const stubs = withProviderStubs();

// One at a time, so "the rest of the round" is the messages after the refused one.
// A single allowed attempt: a 429 that used one would leave the message dead.
const worker = (workerId: string) => createWorker({ workerId, providers: stubProviders(stubs.resend, stubs.twilio), concurrency: 1, maxAttempts: 1, backoff: { baseMs: 40, maxMs: 200 } });

/** Makes every message of these ids due now, as if their Retry-After had passed. */
const dueNow = (ids: number[]) =>
  getDb()
    .update(outbox)
    .set({ nextAttemptAt: sql`NOW(3)` })
    .where(inArray(outbox.id, ids));

describe("a provider's 429", () => {
  it.each([
    ["Resend", "email", () => stubs.resend, /^Resend: Too many requests.*\(HTTP 429\); due again in 7 s, no attempt used\.$/],
    ["Twilio", "sms", () => stubs.twilio, /^Twilio: Too Many Requests \(HTTP 429\); due again in 7 s, no attempt used\.$/],
  ] as const)("from %s reschedules by Retry-After without using an attempt, and holds the rest of the round back", async (_, channel, stub, lastError) => {
    const input = channel === "email" ? emailInput : smsInput;
    const ids: number[] = [];
    for (let i = 0; i < 3; i++) ids.push((await enqueueCommitted(input())).id);
    stub().faults.rateLimitNext(1, "7");
    const warned = jest.spyOn(console, "warn").mockImplementation(() => {});
    const before = Date.now();
    expect(await worker(`w-${channel}`).runOnce()).toBe(3);
    const after = Date.now();
    warned.mockRestore();

    // One request reached the provider; the other two were never sent.
    expect(stub().arrivals).toHaveLength(1);
    expect(stub().requests).toHaveLength(0);
    const rows = await Promise.all(ids.map(getMessage));
    for (const row of rows) {
      expect(row).toMatchObject({ status: "queued", attempts: 0, lockedBy: null, lockedUntil: null });
      // Due 7 s after the 429, by the database's clock (this machine's; 5 ms for rounding).
      expect(row.nextAttemptAt.getTime()).toBeGreaterThanOrEqual(before + 7000 - 5);
      expect(row.nextAttemptAt.getTime()).toBeLessThanOrEqual(after + 7000 + 5);
      expect(await getAttempts(row.id)).toEqual([]);
    }
    expect(rows[0]!.lastError).toMatch(lastError);
    // Nothing is due again before then.
    expect(await worker(`w-${channel}-2`).runOnce()).toBe(0);

    // Once the wait is over they all go out, each on its first and only allowed attempt.
    await dueNow(ids);
    expect(await drain(worker(`w-${channel}-3`))).toBe(3);
    expect(stub().requests).toHaveLength(3);
    const sent = await getDb().select({ status: outbox.status, attempts: outbox.attempts }).from(outbox).where(inArray(outbox.id, ids));
    expect(sent).toEqual(ids.map(() => ({ status: "sent", attempts: 1 })));
  });

  it("waits a default 5 s when the 429 has no Retry-After, and keeps sending the other provider's messages", async () => {
    const email = await enqueueCommitted(emailInput());
    const sms = await enqueueCommitted(smsInput());
    stubs.resend.faults.rateLimitNext(1, null);
    const warned = jest.spyOn(console, "warn").mockImplementation(() => {});
    const before = Date.now();
    await worker("w-default").runOnce();
    warned.mockRestore();
    const row = await getMessage(email.id);
    expect(row).toMatchObject({ status: "queued", attempts: 0 });
    expect(row.nextAttemptAt.getTime()).toBeGreaterThanOrEqual(before + 5000 - 5);
    expect(await getMessage(sms.id)).toMatchObject({ status: "sent", attempts: 1 });
    // Due now, so the next test's sweep clears it.
    await getDb()
      .update(outbox)
      .set({ nextAttemptAt: sql`NOW(3)` })
      .where(eq(outbox.id, email.id));
  });
});

describe("pacing", () => {
  it("keeps each worker under the provider's configured rate", async () => {
    const perSecond = 4;
    const providers = {
      ...stubProviders(stubs.resend, stubs.twilio),
      email: createResendProvider({ apiKey: "re_test_key", baseUrl: stubs.resend.url, from: TEST_FROM, timeoutMs: 5000, maxPerSecond: perSecond }),
    };
    const count = 9;
    for (let i = 0; i < count; i++) await enqueueCommitted(emailInput());
    expect(await drain(createWorker({ workerId: "w-paced", providers, batchSize: 10 }))).toBe(count);
    expect(stubs.resend.requests).toHaveLength(count);
    // The most requests the stub saw within any one second. A busy machine only spreads them
    // out further, so only the upper bound is checked: one over the rate, for the network's
    // jitter between a send leaving and the stub reading it.
    const at = stubs.resend.arrivals;
    const busiest = Math.max(...at.map((t) => at.filter((u) => u >= t && u < t + 1000).length));
    expect(busiest).toBeLessThanOrEqual(perSecond + 1);
  });
});
