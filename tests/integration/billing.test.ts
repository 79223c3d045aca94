import { eq } from "drizzle-orm";
import { getDb } from "@/db";
import { invoices, outbox, services, subscriptions } from "@/db/schema";
import { SYSTEM_ACTOR } from "@/lib/audit";
import { nthPeriod, periodContaining } from "@/lib/billing/periods";
import { runBilling } from "@/lib/billing/run";
import { resetDatabase } from "../support/db";
import { createClient, ensureSettings, invoiceRollupDrift } from "../support/invoices";

async function subscribe(
  clientId: number,
  opts: {
    interval?: "monthly" | "quarterly" | "yearly" | "one_time";
    startedAt: string;
    periodStart: string;
    periodEnd: string;
    priceMinor?: number;
    status?: "active" | "paused" | "cancelled";
    cancelAtPeriodEnd?: boolean;
  },
) {
  const [service] = await getDb()
    .insert(services)
    .values({ name: `Care plan ${opts.interval ?? "monthly"}`, priceMinor: opts.priceMinor ?? 129_00, currency: "USD", interval: opts.interval ?? "monthly" })
    .$returningId();
  const [sub] = await getDb()
    .insert(subscriptions)
    .values({
      clientId,
      serviceId: service!.id,
      priceMinor: opts.priceMinor ?? 129_00,
      currency: "USD",
      interval: opts.interval ?? "monthly",
      status: opts.status ?? "active",
      paymentMethod: "card",
      startedAt: new Date(`${opts.startedAt}T10:00:00Z`),
      currentPeriodStart: opts.periodStart,
      currentPeriodEnd: opts.periodEnd,
      cancelAtPeriodEnd: opts.cancelAtPeriodEnd ?? false,
    })
    .$returningId();
  return sub!.id;
}

const invoicesOf = (subscriptionId: number) => getDb().select().from(invoices).where(eq(invoices.subscriptionId, subscriptionId));

beforeAll(async () => {
  await resetDatabase();
  await ensureSettings({ taxRateBp: 825, dueDays: 10 });
});

describe("billing periods", () => {
  it("counts periods from the start date, clamping month ends without drift", () => {
    expect(nthPeriod("2026-01-31", "monthly", 1)).toEqual({ start: "2026-02-28", end: "2026-03-30" });
    expect(nthPeriod("2026-01-31", "monthly", 2)).toEqual({ start: "2026-03-31", end: "2026-04-29" });
    expect(periodContaining("2025-11-15", "quarterly", "2026-06-01")).toEqual({ start: "2026-05-15", end: "2026-08-14" });
    expect(periodContaining("2024-02-29", "yearly", "2026-03-01")).toEqual({ start: "2026-02-28", end: "2027-02-27" });
  });
});

describe("runBilling", () => {
  it("bills each subscription's current period once: issued, numbered, emailed with the PDF; a second run creates nothing", async () => {
    const client = await createClient({ name: "Recurring Co" });
    const current = await subscribe(client.id, { startedAt: "2026-01-10", periodStart: "2026-03-10", periodEnd: "2026-04-09" });
    const paused = await subscribe(client.id, { startedAt: "2026-01-10", periodStart: "2026-03-10", periodEnd: "2026-04-09", status: "paused" });
    const oneTime = await subscribe(client.id, { interval: "one_time", startedAt: "2026-03-01", periodStart: "2026-03-01", periodEnd: "2026-03-01" });

    const first = await runBilling(getDb(), { actor: SYSTEM_ACTOR, today: "2026-03-20" });
    expect(first.created).toBe(1);
    const [inv] = await invoicesOf(current);
    expect(inv).toMatchObject({
      status: "sent",
      periodStart: "2026-03-10",
      periodEnd: "2026-04-09",
      issueDate: "2026-03-20",
      dueDate: "2026-03-30",
      subtotalMinor: 129_00,
      taxMinor: 10_64,
      totalMinor: 139_64,
    });
    expect(inv!.number).toMatch(/^INV-2026-\d{4}$/);
    const mail = await getDb().select().from(outbox).where(eq(outbox.relatedId, inv!.id));
    expect(mail).toHaveLength(1);
    expect(mail[0]).toMatchObject({ template: "invoice", attachments: [{ kind: "invoice_pdf", invoiceId: inv!.id }] });
    expect(await invoicesOf(paused)).toEqual([]);
    expect(await invoicesOf(oneTime)).toEqual([]);

    const again = await runBilling(getDb(), { actor: SYSTEM_ACTOR, today: "2026-03-20" });
    expect(again.created).toBe(0);
    expect(await invoicesOf(current)).toHaveLength(1);
    expect(await getDb().select().from(outbox).where(eq(outbox.relatedId, inv!.id))).toHaveLength(1);
  });

  it("rolls an ended period forward and bills the new one", async () => {
    const client = await createClient();
    const sub = await subscribe(client.id, { startedAt: "2026-01-10", periodStart: "2026-01-10", periodEnd: "2026-02-09" });
    await runBilling(getDb(), { actor: SYSTEM_ACTOR, today: "2026-01-12" });
    const result = await runBilling(getDb(), { actor: SYSTEM_ACTOR, today: "2026-02-15" });
    expect(result.renewed).toBeGreaterThanOrEqual(1);
    const [row] = await getDb().select().from(subscriptions).where(eq(subscriptions.id, sub));
    expect(row).toMatchObject({ currentPeriodStart: "2026-02-10", currentPeriodEnd: "2026-03-09" });
    expect((await invoicesOf(sub)).map((i) => i.periodStart).sort()).toEqual(["2026-01-10", "2026-02-10"]);
  });

  it("cancels instead of renewing when the subscription was set to end with its period", async () => {
    const client = await createClient();
    const sub = await subscribe(client.id, { startedAt: "2026-01-05", periodStart: "2026-01-05", periodEnd: "2026-02-04", cancelAtPeriodEnd: true });
    await runBilling(getDb(), { actor: SYSTEM_ACTOR, today: "2026-02-10" });
    const [row] = await getDb().select().from(subscriptions).where(eq(subscriptions.id, sub));
    expect(row!.status).toBe("cancelled");
    expect(await invoicesOf(sub)).toEqual([]);
  });

  it("creates no duplicates when several runs race", async () => {
    const client = await createClient();
    const subs = await Promise.all(Array.from({ length: 8 }, (_, i) => subscribe(client.id, { startedAt: "2026-04-01", periodStart: "2026-04-01", periodEnd: "2026-04-30", priceMinor: 10_00 + i })));
    const countInvoices = async () => (await getDb().select({ id: invoices.id }).from(invoices)).length;
    const before = await countInvoices();
    const runs = await Promise.all(Array.from({ length: 4 }, () => runBilling(getDb(), { actor: SYSTEM_ACTOR, today: "2026-04-03" })));
    for (const sub of subs) expect(await invoicesOf(sub)).toHaveLength(1);
    // Every invoice a run reports was really created, and no two runs created the same one.
    expect(runs.reduce((n, r) => n + r.created, 0)).toBe((await countInvoices()) - before);
  });
});

describe("the dashboard rollups", () => {
  it("moved with every change above, in the same transactions", async () => {
    expect(await invoiceRollupDrift()).toEqual([]);
  });
});
