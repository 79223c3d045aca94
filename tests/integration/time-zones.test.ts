import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { auditLog, invoices, outbox, payments, settings, subscriptions } from "@/db/schema";
import { listAudit } from "@/db/queries/audit";
import { listInvoices } from "@/db/queries/invoice-list";
import { listOutbox } from "@/db/queries/outbox";
import { getSpendingByMonth } from "@/db/queries/portal";
import { listUnpaidClients } from "@/db/queries/unpaid";
import { SYSTEM_ACTOR } from "@/lib/audit";
import { runBilling } from "@/lib/billing/run";
import { readBusinessToday } from "@/lib/business-time";
import { displayStatus } from "@/lib/invoices/status";
import { sendReminders } from "@/lib/reminders/send-reminders";
import { startDailySchedule, type DailyJob } from "@/lib/schedule/daily";
import { subscribeToService } from "@/lib/subscriptions/subscribe";
import { parseInvoiceListParams } from "@/lib/validation/invoices";
import { insertClient, insertInvoice } from "../support/backoffice";
import { resetDatabase } from "../support/db";
import { createUser } from "../support/factories";
import { ensureSettings } from "../support/invoices";
import { emailInput, enqueueCommitted } from "../support/outbox";
import { createService } from "../support/portal";

// "Today" is the business's day in its time zone (DESIGN.md rule 15). These
// tests move the clock, never the machine's: each function takes `now`.
// 17:00 on 5 March in Los Angeles (PST, UTC-8) is 01:00 on 6 March in UTC.
const LA = "America/Los_Angeles";
const fivePmLa = new Date("2026-03-06T01:00:00Z");
const nextMorningLa = new Date("2026-03-06T16:00:00Z"); // 08:00 on 6 March in LA
const lateEveningLa = new Date("2026-03-06T07:30:00Z"); // 23:30 on 5 March in LA

let staff: Awaited<ReturnType<typeof createUser>>;

beforeAll(async () => {
  await resetDatabase();
  staff = await createUser({ role: "staff" });
});

beforeEach(async () => {
  await ensureSettings({ timeZone: LA, dueDays: 10 });
});

const overdueNumbers = async (today: string) => (await listInvoices(parseInvoiceListParams({ status: "overdue" }, "USD", "en-US"), today)).rows.map((r) => r.id);

describe("an invoice due today in Los Angeles", () => {
  it("is not overdue at 17:00 there, which is already the next day in UTC, and is overdue the next morning there", async () => {
    const client = await insertClient({ name: "Pacific Bakery" });
    const invoice = await insertInvoice(client.id, { dueDate: "2026-03-05" });

    const evening = await readBusinessToday(getDb(), fivePmLa);
    expect(evening).toBe("2026-03-05");
    expect(displayStatus("sent", "2026-03-05", evening)).toBe("sent");
    expect(await overdueNumbers(evening)).not.toContain(invoice.id);
    const unpaidEvening = await listUnpaidClients({ overdueOnly: true, sort: "name", page: 1 }, evening);
    expect(unpaidEvening.rows.map((r) => r.id)).not.toContain(client.id);

    const morning = await readBusinessToday(getDb(), nextMorningLa);
    expect(morning).toBe("2026-03-06");
    expect(displayStatus("sent", "2026-03-05", morning)).toBe("overdue");
    expect(await overdueNumbers(morning)).toContain(invoice.id);
    const unpaidMorning = await listUnpaidClients({ overdueOnly: true, sort: "name", page: 1 }, morning);
    expect(unpaidMorning.rows.find((r) => r.id === client.id)).toMatchObject({ daysOverdue: 1 });
  });

  it("gets its reminders by the business's day: not overdue at 17:00, none twice before local midnight, overdue by a day the next morning", async () => {
    const client = await insertClient({ name: "Reminded Roasters" });
    const invoice = await insertInvoice(client.id, { dueDate: "2026-03-05" });
    const keys = async () =>
      (
        await getDb()
          .select({ key: outbox.idempotencyKey, data: outbox.templateData })
          .from(outbox)
          .where(and(eq(outbox.relatedType, "invoice"), eq(outbox.relatedId, invoice.id)))
      ).map((m) => [m.key, (m.data as { daysOverdue: number }).daysOverdue]);

    expect(await sendReminders(getDb(), { invoiceIds: [invoice.id] }, staff, fivePmLa)).toEqual({ queued: 1, skipped: 0 });
    // 23:30 in Los Angeles is another UTC day, but the same business day: already reminded.
    expect(await sendReminders(getDb(), { invoiceIds: [invoice.id] }, staff, lateEveningLa)).toEqual({ queued: 0, skipped: 1 });
    expect(await sendReminders(getDb(), { invoiceIds: [invoice.id] }, staff, nextMorningLa)).toEqual({ queued: 1, skipped: 0 });
    expect(await keys()).toEqual([
      [`reminder:${invoice.id}:2026-03-05:email`, 0],
      [`reminder:${invoice.id}:2026-03-06:email`, 1],
    ]);
  });
});

describe("billing periods in the business's day", () => {
  it("start on the day the client subscribed there, and renew at the business's midnight, not UTC's", async () => {
    const { id: clientId } = await insertClient({ name: "Month End Studio" });
    const serviceId = await createService({ name: "Care plan", priceMinor: 50_00, interval: "monthly" });
    // 17:00 on 31 March in Los Angeles (PDT, UTC-7): 1 April in UTC.
    const subscribed = await subscribeToService(getDb(), { clientId, serviceId, paymentMethod: "card", actor: SYSTEM_ACTOR, now: new Date("2026-04-01T00:00:00Z") });
    const [sub] = await getDb().select().from(subscriptions).where(eq(subscriptions.id, subscribed.subscriptionId));
    expect(sub).toMatchObject({ currentPeriodStart: "2026-03-31", currentPeriodEnd: "2026-04-29" });
    const [first] = await getDb().select().from(invoices).where(eq(invoices.id, subscribed.invoiceId));
    expect(first).toMatchObject({ issueDate: "2026-03-31", dueDate: "2026-04-10", periodStart: "2026-03-31", periodEnd: "2026-04-29" });

    // 23:00 on 29 April in LA is 30 April in UTC: the period hasn't ended for the business.
    expect(await runBilling(getDb(), { actor: SYSTEM_ACTOR, now: new Date("2026-04-30T06:00:00Z") })).toMatchObject({ created: 0, renewed: 0 });
    // 08:00 on 30 April in LA: the next period, 31 March + 1 month clamped to 30 April.
    const run = await runBilling(getDb(), { actor: SYSTEM_ACTOR, now: new Date("2026-04-30T15:00:00Z") });
    expect(run).toMatchObject({ created: 1, renewed: 1 });
    const [second] = await getDb().select().from(invoices).where(eq(invoices.id, run.invoiceIds[0]!));
    expect(second).toMatchObject({ issueDate: "2026-04-30", periodStart: "2026-04-30", periodEnd: "2026-05-30" });
  });

  it("keep to the stored periods after the business changes its time zone", async () => {
    const { id: clientId } = await insertClient({ name: "Moved Agency" });
    const serviceId = await createService({ name: "Retainer", priceMinor: 80_00, interval: "monthly" });
    const subscribed = await subscribeToService(getDb(), { clientId, serviceId, paymentMethod: "card", actor: SYSTEM_ACTOR, now: new Date("2026-04-01T00:00:00Z") });
    await getDb().update(settings).set({ timeZone: "UTC" }).where(eq(settings.id, 1));
    // In UTC the subscription started on 1 April, but its periods count from 31 March.
    expect(await runBilling(getDb(), { actor: SYSTEM_ACTOR, now: new Date("2026-04-29T12:00:00Z") })).toMatchObject({ created: 0 });
    const run = await runBilling(getDb(), { actor: SYSTEM_ACTOR, now: new Date("2026-04-30T12:00:00Z") });
    expect(run.created).toBe(1);
    const [second] = await getDb().select().from(invoices).where(eq(invoices.id, run.invoiceIds[0]!));
    expect(second).toMatchObject({ subscriptionId: subscribed.subscriptionId, periodStart: "2026-04-30", periodEnd: "2026-05-30" });
  });
});

describe("the daily schedule", () => {
  it("runs once per business day: not again when UTC's date changes at 16:00 in Los Angeles, again after midnight there", async () => {
    let now = new Date("2026-03-05T23:00:00Z"); // 15:00 on 5 March in LA
    const runs: string[] = [];
    const job: DailyJob = { name: "count", run: async (today) => void runs.push(today) };
    const schedule = startDailySchedule({ jobs: [job], firstRunAfterMs: 5, checkEveryMs: 20, now: () => now });
    const settle = () => new Promise((r) => setTimeout(r, 200));
    try {
      await settle();
      expect(runs).toEqual(["2026-03-05"]);
      now = fivePmLa;
      await settle();
      expect(runs).toEqual(["2026-03-05"]);
      now = new Date("2026-03-06T08:30:00Z"); // 00:30 on 6 March in LA
      await settle();
      expect(runs).toEqual(["2026-03-05", "2026-03-06"]);
    } finally {
      schedule.stop();
    }
  });
});

describe("periods made of instants", () => {
  it("count a payment to the business's month: 19:00 on 28 February in Los Angeles is February, though UTC says March", async () => {
    const client = await insertClient({ name: "Spender" });
    const invoice = await insertInvoice(client.id, { totalMinor: 1_000_00 });
    const pay = (amountMinor: number, receivedAt: string) =>
      getDb()
        .insert(payments)
        .values({
          invoiceId: invoice.id,
          clientId: client.id,
          amountMinor,
          currency: "USD",
          method: "card",
          status: "succeeded",
          receivedAt: new Date(receivedAt),
          idempotencyKey: `tz-${receivedAt}`,
        });
    await pay(100_00, "2026-03-01T03:00:00Z");
    await pay(25_00, "2026-03-01T09:00:00Z"); // 01:00 on 1 March in LA
    expect(await getSpendingByMonth(client.id, "USD", "2026-03-10", LA, 2)).toEqual([
      { month: "2026-02", paidMinor: 100_00 },
      { month: "2026-03", paidMinor: 25_00 },
    ]);
    expect(await getSpendingByMonth(client.id, "USD", "2026-03-10", "UTC", 2)).toEqual([
      { month: "2026-02", paidMinor: 0 },
      { month: "2026-03", paidMinor: 125_00 },
    ]);
    // What was given back of a part-refunded payment isn't spent (it stays succeeded).
    await getDb().update(payments).set({ refundedMinor: 40_00 }).where(eq(payments.idempotencyKey, "tz-2026-03-01T03:00:00Z"));
    expect(await getSpendingByMonth(client.id, "USD", "2026-03-10", LA, 2)).toEqual([
      { month: "2026-02", paidMinor: 60_00 },
      { month: "2026-03", paidMinor: 25_00 },
    ]);
  });

  it("filter the audit log by the days of the person reading it", async () => {
    const entry = (at: string) => ({ actorUserId: staff.id, actorRole: "staff" as const, action: "client.update", entityType: "tz-test", entityId: 1, at: new Date(at) });
    await getDb()
      .insert(auditLog)
      .values([entry("2026-03-05T03:00:00Z"), entry("2026-03-05T20:00:00Z")]);
    const on4March = (timeZone?: string) => listAudit({ entityType: "tz-test", from: "2026-03-04", to: "2026-03-04", timeZone }).then((r) => r.rows.length);
    // 03:00 UTC on 5 March is 19:00 on 4 March in Los Angeles.
    expect(await on4March(LA)).toBe(1);
    expect(await on4March("UTC")).toBe(0);
    expect(await on4March()).toBe(0);
  });

  it("filter the outbox by the days of the person reading it", async () => {
    const { id } = await enqueueCommitted(emailInput({ to: "tz-filter@test.example" }));
    await getDb()
      .update(outbox)
      .set({ createdAt: new Date("2026-03-05T03:00:00Z") })
      .where(eq(outbox.id, id));
    const on4March = async (timeZone?: string) => (await listOutbox({ recipient: "tz-filter@", from: "2026-03-04", to: "2026-03-04", timeZone })).rows.map((r) => r.id);
    expect(await on4March(LA)).toEqual([id]);
    expect(await on4March("UTC")).toEqual([]);
  });
});

// lib/env reads the environment once per module registry.
async function freshClock(): Promise<typeof import("@/lib/clock")> {
  let clock: typeof import("@/lib/clock") | undefined;
  await jest.isolateModulesAsync(async () => {
    clock = await import("@/lib/clock");
  });
  return clock!;
}

describe("the test clock", () => {
  it("moves the app's now only by the offset in the file TEST_CLOCK_FILE names, and keeps real time without it", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "clientdesk-clock-"));
    const file = path.join(dir, "clock.json");
    const original = process.env.TEST_CLOCK_FILE;
    try {
      process.env.TEST_CLOCK_FILE = file;
      const clock = await freshClock();
      expect(Math.abs(clock.now().getTime() - Date.now())).toBeLessThan(1000);
      writeFileSync(file, JSON.stringify({ offsetMs: 86_400_000 }));
      expect(clock.now().getTime() - Date.now()).toBeGreaterThan(86_399_000);
      writeFileSync(file, "{}");
      expect(() => clock.now()).toThrow(/holds no \{"offsetMs": <number>\}/);

      delete process.env.TEST_CLOCK_FILE;
      writeFileSync(file, JSON.stringify({ offsetMs: 86_400_000 }));
      const real = await freshClock();
      expect(Math.abs(real.now().getTime() - Date.now())).toBeLessThan(1000);
    } finally {
      if (original === undefined) delete process.env.TEST_CLOCK_FILE;
      else process.env.TEST_CLOCK_FILE = original;
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
