import { and, eq, lte, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { outbox } from "@/db/schema";
import { captureProvider } from "@/lib/notify/providers/capture";
import type { EmailMessage, Providers, SendResult } from "@/lib/notify/providers";
import { createWorker } from "@/lib/notify/worker";
import { resetDatabase } from "../support/db";
import { drain, emailInput, enqueueCommitted, getAttempts, getMessage } from "../support/outbox";

// A worker told to stop claims nothing more, lets the send in flight finish
// and be recorded, and hands back the messages it claimed but never started,
// so another worker sends them now rather than after their 60 s lease.

/** An email provider that holds every send until the test lets it go. */
function slowProvider() {
  const calls: EmailMessage[] = [];
  const gates: (() => void)[] = [];
  const email = {
    name: "slow-stub",
    delivers: false,
    async sendEmail(message: EmailMessage): Promise<SendResult> {
      calls.push(message);
      await new Promise<void>((resolve) => gates.push(resolve));
      return { status: "sent", providerMessageId: `slow-${calls.length}` };
    },
  };
  const providers: Providers = { email, sms: captureProvider };
  return { providers, calls, releaseAll: () => gates.splice(0).forEach((open) => open()) };
}

async function until(check: () => Promise<boolean> | boolean, ms = 3000) {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 10));
  }
}

const dueNow = async (id: number) =>
  (
    await getDb()
      .select({ id: outbox.id })
      .from(outbox)
      .where(and(eq(outbox.id, id), lte(outbox.nextAttemptAt, sql`NOW(3)`)))
  ).length === 1;

async function expectReleased(id: number) {
  const row = await getMessage(id);
  expect(row).toMatchObject({ status: "queued", attempts: 0, lockedBy: null, lockedUntil: null });
  expect(await dueNow(id)).toBe(true);
  expect(await getAttempts(id)).toHaveLength(0);
}

const queueThree = async () => [(await enqueueCommitted(emailInput())).id, (await enqueueCommitted(emailInput())).id, (await enqueueCommitted(emailInput())).id];

beforeAll(async () => {
  await resetDatabase();
});

beforeEach(async () => {
  await drain(createWorker({ workerId: "sweeper", providers: { email: captureProvider, sms: captureProvider } }));
});

describe("stopping the outbox worker", () => {
  it("records the send in flight and releases the claimed messages it hadn't started, at once", async () => {
    const [first, second, third] = await queueThree();
    const slow = slowProvider();
    const worker = createWorker({ workerId: "stopper", providers: slow.providers, batchSize: 3, concurrency: 1 });

    const round = worker.runOnce();
    await until(() => slow.calls.length === 1);
    expect((await getMessage(second!)).lockedBy).toBe("stopper");

    const stopped = worker.stop();
    // Released while the first send is still held: they don't wait for it, or for the lease.
    await until(async () => (await getMessage(third!)).status === "queued");
    await expectReleased(second!);
    await expectReleased(third!);
    expect(await getMessage(first!)).toMatchObject({ status: "sending", lockedBy: "stopper" });

    slow.releaseAll();
    await stopped;
    expect(await round).toBe(3);
    expect(slow.calls).toHaveLength(1);
    expect(await getMessage(first!)).toMatchObject({ status: "sent", attempts: 1, lockedBy: null, providerMessageId: "slow-1" });
    expect((await getAttempts(first!)).map((a) => a.outcome)).toEqual(["sent"]);

    // The released messages go out with the next worker, on their first attempt.
    const next = createWorker({ workerId: "successor", providers: { email: captureProvider, sms: captureProvider } });
    expect(await drain(next)).toBe(2);
    expect(await getMessage(second!)).toMatchObject({ status: "captured", attempts: 1 });
  });

  it("releases everything when the stop comes while the claim is still running", async () => {
    const ids = await queueThree();
    const slow = slowProvider();
    const worker = createWorker({ workerId: "early-stop", providers: slow.providers, batchSize: 3 });
    const round = worker.runOnce();
    await worker.stop();
    expect(await round).toBe(3);
    expect(slow.calls).toHaveLength(0);
    for (const id of ids) await expectReleased(id);
  });

  it("puts a message that had failed before back to failed, due now, with its attempt count and error as they were", async () => {
    const { id } = await enqueueCommitted(emailInput());
    await getDb().update(outbox).set({ status: "failed", attempts: 2, lastError: "provider timeout" }).where(eq(outbox.id, id));
    const worker = createWorker({ workerId: "retry-stop", providers: slowProvider().providers });
    const round = worker.runOnce();
    await worker.stop();
    expect(await round).toBe(1);
    expect(await getMessage(id)).toMatchObject({ status: "failed", attempts: 2, lastError: "provider timeout", lockedBy: null, lockedUntil: null });
    expect(await dueNow(id)).toBe(true);
  });

  it("claims nothing after stop(): runOnce, start and kick all leave due messages alone", async () => {
    const worker = createWorker({ workerId: "stopped", providers: { email: captureProvider, sms: captureProvider }, pollMs: 20 });
    worker.start();
    await worker.stop();
    const { id } = await enqueueCommitted(emailInput());
    expect(await worker.runOnce()).toBe(0);
    worker.start();
    worker.kick();
    await new Promise((r) => setTimeout(r, 150));
    expect(await getMessage(id)).toMatchObject({ status: "queued", attempts: 0, lockedBy: null });
  });

  it("gives a send that never finishes only stopTimeoutMs, leaving it to its lease", async () => {
    const { id } = await enqueueCommitted(emailInput());
    const slow = slowProvider();
    const worker = createWorker({ workerId: "hung", providers: slow.providers, stopTimeoutMs: 200 });
    const warn = jest.spyOn(console, "warn").mockImplementation(() => {});
    try {
      void worker.runOnce();
      await until(() => slow.calls.length === 1);
      const started = Date.now();
      await worker.stop();
      expect(Date.now() - started).toBeLessThan(2000);
      expect(warn).toHaveBeenCalledWith(expect.stringContaining("still in flight after 200 ms"));
      // Maybe accepted by the provider already: not released, so it can't go out twice from here.
      expect(await getMessage(id)).toMatchObject({ status: "sending", lockedBy: "hung" });
    } finally {
      warn.mockRestore();
      slow.releaseAll();
    }
    await until(async () => (await getMessage(id)).status === "sent");
  });
});
