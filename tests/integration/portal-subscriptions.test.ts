import { and, eq, inArray } from "drizzle-orm";
import { getDb } from "@/db";
import { invoices, outbox, subscriptions } from "@/db/schema";
import { cancelSubscription } from "@/lib/actions/portal/cancel-subscription";
import { resumeSubscription } from "@/lib/actions/portal/resume-subscription";
import { subscribeToService } from "@/lib/actions/portal/subscribe-to-service";
import { SYSTEM_ACTOR } from "@/lib/audit";
import { nthPeriod } from "@/lib/billing/periods";
import { runBilling } from "@/lib/billing/run";
import { addDaysIso, businessDay } from "@/lib/dates";
import { limits } from "@/lib/limits/rules";
import { form, redirectOf } from "../support/actions";
import { databaseChecksum } from "../support/backoffice";
import { resetDatabase } from "../support/db";
import { createClientUser } from "../support/factories";
import { ensureSettings } from "../support/invoices";
import { createService, newKey } from "../support/portal";
import { actAs } from "../support/request-context";
import { revealSecrets } from "../support/secrets";

async function subscriptionsOf(clientId: number) {
  return getDb().select().from(subscriptions).where(eq(subscriptions.clientId, clientId));
}

beforeAll(async () => {
  await resetDatabase();
  await ensureSettings({ taxRateBp: 1000, dueDays: 7 });
});

describe("subscribing from the portal", () => {
  it("creates the subscription with the price snapshotted, and its first invoice issued and emailed with link and PDF", async () => {
    const { user, clientId } = await createClientUser("Sub Scriber");
    const serviceId = await createService({ name: "Website care", priceMinor: 12_900, interval: "monthly" });
    await actAs(user);
    const to = await redirectOf(subscribeToService(undefined, form({ serviceId: String(serviceId), paymentMethod: "bank_transfer", idempotencyKey: newKey() })));
    const [sub] = await subscriptionsOf(clientId);
    const today = businessDay("UTC", new Date());
    const period = nthPeriod(today, "monthly", 0);
    expect(sub).toMatchObject({
      serviceId,
      priceMinor: 12_900,
      currency: "USD",
      interval: "monthly",
      status: "active",
      paymentMethod: "bank_transfer",
      currentPeriodStart: period.start,
      currentPeriodEnd: period.end,
      cancelAtPeriodEnd: false,
    });

    const [invoice] = await getDb().select().from(invoices).where(eq(invoices.subscriptionId, sub!.id));
    expect(to).toBe(`/portal/invoices/${invoice!.id}?subscribed=1&method=bank_transfer`);
    expect(invoice).toMatchObject({ clientId, status: "sent", subtotalMinor: 12_900, taxMinor: 1_290, totalMinor: 14_190, issueDate: today, dueDate: addDaysIso(today, 7), periodStart: period.start });
    expect(invoice!.number).toMatch(/^INV-\d{4}-\d{4}$/);
    const [mail] = await getDb()
      .select()
      .from(outbox)
      .where(and(eq(outbox.relatedType, "invoice"), eq(outbox.relatedId, invoice!.id)));
    expect(mail).toMatchObject({ channel: "email", template: "invoice", toFirst: user.email });
    expect(mail!.attachments).toEqual([expect.objectContaining({ kind: "invoice_pdf", invoiceId: invoice!.id })]);
    expect(revealSecrets(mail!).text).toMatch(/\/i\/[A-Za-z0-9_-]{20,}/);

    // The billing run sees this period as billed.
    const run = await runBilling(getDb(), { actor: SYSTEM_ACTOR, today });
    expect(await getDb().select().from(invoices).where(eq(invoices.subscriptionId, sub!.id))).toHaveLength(1);
    expect(run.skipped).toEqual([]);
  });

  it("refuses a second live subscription to the same recurring service", async () => {
    const { user, clientId } = await createClientUser();
    const serviceId = await createService();
    await actAs(user);
    await redirectOf(subscribeToService(undefined, form({ serviceId: String(serviceId), paymentMethod: "card", idempotencyKey: newKey() })));
    expect(await subscribeToService(undefined, form({ serviceId: String(serviceId), paymentMethod: "card", idempotencyKey: newKey() }))).toMatchObject({
      ok: false,
      formError: expect.stringContaining("already subscribe"),
    });
    expect(await subscriptionsOf(clientId)).toHaveLength(1);
  });

  it("treats inactive and archived services as not found", async () => {
    const { user, clientId } = await createClientUser();
    await actAs(user);
    for (const serviceId of [await createService({ active: false }), await createService({ archived: true }), 999_999]) {
      expect(await subscribeToService(undefined, form({ serviceId: String(serviceId), paymentMethod: "card", idempotencyKey: newKey() }))).toMatchObject({
        ok: false,
        formError: "That service was not found.",
      });
    }
    expect(await subscriptionsOf(clientId)).toHaveLength(0);
  });

  it("a one-time service bills one day as its period, and has nothing to cancel", async () => {
    const { user, clientId } = await createClientUser();
    const serviceId = await createService({ name: "Logo design", priceMinor: 50_000, interval: "one_time" });
    await actAs(user);
    await redirectOf(subscribeToService(undefined, form({ serviceId: String(serviceId), paymentMethod: "cash", idempotencyKey: newKey() })));
    const [sub] = await subscriptionsOf(clientId);
    expect(sub).toMatchObject({ interval: "one_time", currentPeriodStart: businessDay("UTC", new Date()), currentPeriodEnd: businessDay("UTC", new Date()) });
    expect(await cancelSubscription(undefined, form({ subscriptionId: String(sub!.id) }))).toMatchObject({ ok: false, formError: expect.stringContaining("doesn't renew") });
  });
});

describe("cancelling", () => {
  it("ends at the period end: the billing run cancels instead of renewing; it can be undone before then", async () => {
    const { user, clientId } = await createClientUser();
    const serviceId = await createService({ interval: "monthly" });
    await actAs(user);
    await redirectOf(subscribeToService(undefined, form({ serviceId: String(serviceId), paymentMethod: "card", idempotencyKey: newKey() })));
    const [sub] = await subscriptionsOf(clientId);
    const id = String(sub!.id);

    expect(await cancelSubscription(undefined, form({ subscriptionId: id }))).toMatchObject({ ok: true, data: { endsOn: sub!.currentPeriodEnd } });
    expect(await cancelSubscription(undefined, form({ subscriptionId: id }))).toMatchObject({ ok: false, formError: expect.stringContaining("already set to end") });
    expect(await resumeSubscription(undefined, form({ subscriptionId: id }))).toMatchObject({ ok: true });
    expect((await subscriptionsOf(clientId))[0]).toMatchObject({ status: "active", cancelAtPeriodEnd: false });
    await cancelSubscription(undefined, form({ subscriptionId: id }));

    const afterPeriod = addDaysIso(sub!.currentPeriodEnd, 1);
    await runBilling(getDb(), { actor: SYSTEM_ACTOR, today: afterPeriod });
    expect((await subscriptionsOf(clientId))[0]).toMatchObject({ status: "cancelled" });
    expect(await getDb().select().from(invoices).where(eq(invoices.subscriptionId, sub!.id))).toHaveLength(1);
    expect(await resumeSubscription(undefined, form({ subscriptionId: id }))).toMatchObject({ ok: false, formError: expect.stringContaining("already ended") });
  });
});

describe("ordering a one-time service twice", () => {
  const order = (serviceId: number, idempotencyKey: string) => subscribeToService(undefined, form({ serviceId: String(serviceId), paymentMethod: "card", idempotencyKey }));

  /** What an order leaves behind: subscriptions, numbered invoices and the emails carrying them. */
  async function ordersOf(clientId: number) {
    const subs = await subscriptionsOf(clientId);
    const bills = subs.length
      ? await getDb()
          .select()
          .from(invoices)
          .where(
            inArray(
              invoices.subscriptionId,
              subs.map((s) => s.id),
            ),
          )
      : [];
    const mails = bills.length
      ? await getDb()
          .select()
          .from(outbox)
          .where(
            and(
              eq(outbox.relatedType, "invoice"),
              inArray(
                outbox.relatedId,
                bills.map((i) => i.id),
              ),
            ),
          )
      : [];
    return { subscriptions: subs.length, invoices: bills.filter((i) => i.number).length, emails: mails.length };
  }

  async function oneTimeCustomer() {
    const { user, clientId } = await createClientUser();
    const serviceId = await createService({ name: "Logo design", priceMinor: 50_000, interval: "one_time" });
    await actAs(user);
    return { clientId, serviceId };
  }

  it("the same submit sent again (Enter twice, a retried request) orders once and goes to the first invoice", async () => {
    const { clientId, serviceId } = await oneTimeCustomer();
    const key = newKey();
    const first = await redirectOf(order(serviceId, key));
    expect(await redirectOf(order(serviceId, key))).toBe(first);
    expect(await ordersOf(clientId)).toEqual({ subscriptions: 1, invoices: 1, emails: 1 });
  });

  it("two copies of one submit at once still order once", async () => {
    const { clientId, serviceId } = await oneTimeCustomer();
    const key = newKey();
    const [a, b] = await Promise.all([redirectOf(order(serviceId, key)), redirectOf(order(serviceId, key))]);
    expect(a).toBe(b);
    expect(await ordersOf(clientId)).toEqual({ subscriptions: 1, invoices: 1, emails: 1 });
  });

  it("a second order from a fresh opening of the dialog (a new key) is a second purchase", async () => {
    const { clientId, serviceId } = await oneTimeCustomer();
    const first = await redirectOf(order(serviceId, newKey()));
    const second = await redirectOf(order(serviceId, newKey()));
    expect(second).not.toBe(first);
    expect(await ordersOf(clientId)).toEqual({ subscriptions: 2, invoices: 2, emails: 2 });
  });

  it("a key already used for another service is refused, and nothing is written", async () => {
    const { serviceId } = await oneTimeCustomer();
    const other = await createService({ name: "Brand guide", interval: "one_time" });
    const key = newKey();
    await redirectOf(order(serviceId, key));
    const before = await databaseChecksum();
    expect(await order(other, key)).toMatchObject({ ok: false, formError: expect.stringContaining("already sent for another service") });
    expect(await databaseChecksum()).toBe(before);
  });

  it("an order without a key, or with one no form draws, is refused before anything is written", async () => {
    const { serviceId } = await oneTimeCustomer();
    const before = await databaseChecksum();
    expect(await subscribeToService(undefined, form({ serviceId: String(serviceId), paymentMethod: "card" }))).toMatchObject({ ok: false, fieldErrors: { idempotencyKey: expect.any(Array) } });
    expect(await order(serviceId, "short")).toMatchObject({ ok: false, fieldErrors: { idempotencyKey: ["Reload the page and try again"] } });
    expect(await order(serviceId, `${newKey()}!`)).toMatchObject({ ok: false, fieldErrors: { idempotencyKey: ["Reload the page and try again"] } });
    expect(await databaseChecksum()).toBe(before);
  });

  it(`a client places at most ${limits.portalOrders.points} orders an hour; the refused one writes nothing`, async () => {
    const { clientId, serviceId } = await oneTimeCustomer();
    for (let i = 0; i < limits.portalOrders.points; i++) await redirectOf(order(serviceId, newKey()));
    const subs = (await ordersOf(clientId)).subscriptions;
    expect(await order(serviceId, newKey())).toMatchObject({ ok: false, formError: expect.stringMatching(/a lot of orders in the last hour\. Try again in \d+ minutes?/) });
    expect((await ordersOf(clientId)).subscriptions).toBe(subs);
    expect(subs).toBe(limits.portalOrders.points);
  });
});
