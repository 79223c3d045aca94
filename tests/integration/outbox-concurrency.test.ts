import { count, eq, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { outbox, outboxAttempts } from "@/db/schema";
import { claimDue, recordAttempt } from "@/lib/notify/claim";
import { enqueue } from "@/lib/notify/enqueue";
import { createWorker } from "@/lib/notify/worker";
import { drain, emailInput, enqueueCommitted, getAttempts, getMessage, smsInput, stubProviders, withProviderStubs } from "../support/outbox";
import { scaledMs } from "../support/load";

const stubs = withProviderStubs();

// 500 rendered messages through two workers take a few seconds on two shared cores.
jest.setTimeout(scaledMs(60_000));

describe("several workers at once", () => {
  it("two workers over 500 messages deliver each exactly once, counted at the stubs", async () => {
    const keys: string[] = [];
    for (let batch = 0; batch < 10; batch++) {
      await getDb().transaction(async (tx) => {
        for (let i = 0; i < 50; i++) {
          const n = batch * 50 + i;
          const input = n % 5 === 0 ? smsInput({ to: `+1415555${String(n).padStart(4, "0")}` }) : emailInput({ to: `user${n}@example.com` });
          keys.push(input.idempotencyKey);
          await enqueue(tx, input);
        }
      });
    }
    const workers = ["a", "b"].map((id) => createWorker({ workerId: `worker-${id}`, providers: stubProviders(stubs.resend, stubs.twilio), batchSize: 10 }));
    const [byA = 0, byB = 0] = await Promise.all(workers.map(drain));

    expect(byA + byB).toBe(500);
    // Both really worked: SKIP LOCKED let them share the queue.
    expect(byA).toBeGreaterThan(50);
    expect(byB).toBeGreaterThan(50);

    const delivered = [...stubs.resend.requests.map((r) => r.body.to as string[]).flat(), ...stubs.twilio.requests.map((r) => r.to!)];
    expect(delivered).toHaveLength(500);
    expect(new Set(delivered).size).toBe(500);
    expect(stubs.resend.requests.every((r) => !r.replay)).toBe(true);

    const statuses = await getDb()
      .select({ status: outbox.status, n: count() })
      .from(outbox)
      .where(
        sql`${outbox.idempotencyKey} IN (${sql.join(
          keys.map((k) => sql`${k}`),
          sql`, `,
        )})`,
      )
      .groupBy(outbox.status);
    expect(statuses).toEqual([{ status: "sent", n: 500 }]);
    const [attempts] = await getDb().select({ n: count() }).from(outboxAttempts).where(eq(outboxAttempts.outcome, "sent"));
    expect(attempts!.n).toBe(500);
  });

  it("redelivers a message after the lease of a worker that died between claiming and recording", async () => {
    const { id } = await enqueueCommitted(emailInput({ to: "lease@example.com" }));
    // A lease no busy machine outlasts by accident; the test ends it itself below.
    const leaseMs = 60_000;

    // The doomed worker claims and then "dies": it never sends and never records.
    const [claimed] = await claimDue(getDb(), { workerId: "doomed", leaseMs, limit: 10, maxAttempts: 5 });
    expect(claimed).toMatchObject({ id, attempts: 1 });
    expect(await getMessage(id)).toMatchObject({ status: "sending", lockedBy: "doomed" });

    const survivor = createWorker({ workerId: "survivor", providers: stubProviders(stubs.resend, stubs.twilio), leaseMs });
    expect(await survivor.runOnce()).toBe(0);
    // The lease runs out (moved into the past in the database, rather than waited for on the clock).
    await getDb()
      .update(outbox)
      .set({ lockedUntil: sql`NOW(3) - INTERVAL 1 SECOND` })
      .where(eq(outbox.id, id));
    expect(await survivor.runOnce()).toBe(1);

    expect(stubs.resend.requests.map((r) => r.body.to)).toEqual([["lease@example.com"]]);
    expect(await getMessage(id)).toMatchObject({ status: "sent", attempts: 2, lockedBy: null });

    // Had the doomed worker woken up and recorded late, it could not overwrite the result.
    const late = await recordAttempt(getDb(), claimed!, { status: "failed", error: "late", permanent: false }, { workerId: "doomed", durationMs: 1, maxAttempts: 5, backoff: { baseMs: 1, maxMs: 1 } });
    expect(late.applied).toBe(false);
    expect(await getMessage(id)).toMatchObject({ status: "sent", lastError: null });
    expect((await getAttempts(id)).map((a) => [a.workerId, a.outcome])).toEqual([
      ["survivor", "sent"],
      ["doomed", "failed"],
    ]);
  });

  it("marks dead, instead of retrying forever, a message whose worker died on its last allowed attempt", async () => {
    const { id } = await enqueueCommitted(emailInput());
    await claimDue(getDb(), { workerId: "doomed", leaseMs: 50, limit: 10, maxAttempts: 1 });
    await new Promise((r) => setTimeout(r, 100));
    expect(await claimDue(getDb(), { workerId: "next", leaseMs: 50, limit: 10, maxAttempts: 1 })).toEqual([]);
    const row = await getMessage(id);
    expect(row).toMatchObject({ status: "dead", attempts: 1, lockedBy: null });
    expect(row.lastError).toMatch(/lease expired/);
  });

  it("sends a kicked message from a running worker right after the commit", async () => {
    // The worker's poll is ten minutes away: a message sent within the test's time was sent by the kick, however slow the machine.
    const pollMs = 600_000;
    const w = createWorker({ workerId: "kicked", providers: stubProviders(stubs.resend, stubs.twilio), pollMs });
    w.start();
    try {
      // Let the first round find an empty queue and go idle on its long poll.
      await new Promise((r) => setTimeout(r, 100));
      const started = Date.now();
      await enqueueCommitted(smsInput({ to: "+14155550999" }));
      w.kick();
      while (stubs.twilio.requests.length === 0 && Date.now() - started < scaledMs(20_000)) await new Promise((r) => setTimeout(r, 5));
      expect(stubs.twilio.requests).toHaveLength(1);
    } finally {
      await w.stop();
    }
  });
});
