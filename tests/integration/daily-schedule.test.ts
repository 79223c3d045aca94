import { eq } from "drizzle-orm";
import { getDb } from "@/db";
import { invoices, outbox, services, subscriptions } from "@/db/schema";
import { businessDay } from "@/lib/dates";
import { startDailySchedule, type DailyJob } from "@/lib/schedule/daily";
import { resetDatabase } from "../support/db";
import { createClient, ensureSettings } from "../support/invoices";
import { emailInput, enqueueCommitted, getMessage } from "../support/outbox";

beforeAll(async () => {
  await resetDatabase();
  await ensureSettings();
});

async function until(check: () => Promise<boolean>, ms = 15_000) {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe("the daily schedule", () => {
  it("runs billing and retention beside the worker: the subscription owing an invoice is billed and a 100-day-old message is emptied", async () => {
    const today = businessDay("UTC", new Date());
    const client = await createClient({ name: "Daily Co" });
    const [service] = await getDb().insert(services).values({ name: "Care plan", priceMinor: 50_00, currency: "USD", interval: "monthly" }).$returningId();
    const [sub] = await getDb()
      .insert(subscriptions)
      .values({
        clientId: client.id,
        serviceId: service!.id,
        priceMinor: 50_00,
        currency: "USD",
        interval: "monthly",
        status: "active",
        paymentMethod: "card",
        startedAt: new Date(),
        currentPeriodStart: today,
        currentPeriodEnd: today,
      })
      .$returningId();
    const { id } = await enqueueCommitted(emailInput());
    const longAgo = new Date(Date.now() - 100 * 24 * 3_600_000);
    await getDb().update(outbox).set({ status: "sent", secrets: null, createdAt: longAgo, nextAttemptAt: longAgo, sentAt: longAgo }).where(eq(outbox.id, id));

    const logged = jest.spyOn(console, "log").mockImplementation(() => {});
    // The app's own schedule (instrumentation.ts and `npm run worker` start this), run soon instead of after 30 s.
    const schedule = startDailySchedule({ firstRunAfterMs: 10, checkEveryMs: 100 });
    try {
      await until(async () => (await getMessage(id)).prunedAt !== null);
      await until(async () => (await getDb().select().from(invoices).where(eq(invoices.subscriptionId, sub!.id))).length === 1);
      expect(await getMessage(id)).toMatchObject({ text: "", html: null, templateData: null });
      await until(async () => logged.mock.calls.some(([line]) => String(line).startsWith(`[retention] ${today}: message bodies emptied: 1`)));
    } finally {
      schedule.stop();
      logged.mockRestore();
    }
  });

  it("runs each job once a day, and tries a failed job again at the next check without holding up the others", async () => {
    const errors = jest.spyOn(console, "error").mockImplementation(() => {});
    const runs: string[] = [];
    let failures = 2;
    const flaky: DailyJob = {
      name: "flaky",
      async run() {
        runs.push("flaky");
        if (failures-- > 0) throw new Error("database away");
      },
    };
    const steady: DailyJob = { name: "steady", run: async () => void runs.push("steady") };
    const schedule = startDailySchedule({ jobs: [flaky, steady], firstRunAfterMs: 10, checkEveryMs: 40 });
    try {
      await until(async () => runs.filter((r) => r === "flaky").length === 3);
      // Several more checks on the same day run nothing.
      await new Promise((r) => setTimeout(r, 300));
      expect(runs).toEqual(["flaky", "steady", "flaky", "flaky"]);
      expect(errors).toHaveBeenCalledWith("[flaky] daily run failed", expect.any(Error));
    } finally {
      schedule.stop();
      errors.mockRestore();
    }
  });
});
