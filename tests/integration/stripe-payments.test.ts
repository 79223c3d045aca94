import { and, count, eq } from "drizzle-orm";
import { POST as stripeWebhook } from "@/app/api/webhooks/stripe/route";
import { getDb } from "@/db";
import { outbox, payments, stripeEvents } from "@/db/schema";
import { payInvoiceByLink } from "@/lib/actions/links/pay-invoice-by-link";
import { payInvoice } from "@/lib/actions/portal/pay-invoice";
import { reissueInvoiceLink } from "@/lib/invoices/links";
import { refundPayment } from "@/lib/actions/payments/refund-payment";
import { startStripeCheckout } from "@/lib/payments/stripe/checkout";
import { resetDatabase } from "../support/db";
import { createUser } from "../support/factories";
import { createClient, ensureSettings, issuedInvoice, line, readInvoice } from "../support/invoices";
import { messagesAbout, newKey, paymentsOf, portalClientWithInvoice } from "../support/portal";
import { actAs } from "../support/request-context";
import { form } from "../support/actions";
import { startStripeStub, type StripeEventBody, type StripeStub } from "../support/stubs/stripe-stub";

// The real stripe SDK against the local stub (STRIPE_API_BASE), and the stub's
// signed webhooks handed to the real route handler.
let stub: StripeStub;

beforeAll(async () => {
  stub = await startStripeStub({
    target: async (raw, signature) => {
      const res = await stripeWebhook(
        new Request("http://127.0.0.1:3999/api/webhooks/stripe", { method: "POST", headers: { "content-type": "application/json", "stripe-signature": signature }, body: raw }),
      );
      return res.status;
    },
  });
  process.env.STRIPE_SECRET_KEY = "sk_test_clientdesk0stub";
  process.env.STRIPE_WEBHOOK_SECRET = stub.webhookSecret;
  process.env.STRIPE_API_BASE = stub.url;
  await resetDatabase();
  await ensureSettings({ taxRateBp: 0, minPaymentMinor: 1_000 });
});

afterAll(async () => {
  await stub.close();
});

/** The client starts a card payment from the pay form (hosted: no card fields) and gets Stripe's checkout URL. */
async function checkout(invoiceId: number, amount: string): Promise<{ sessionId: string; paymentId: number }> {
  const state = await payInvoice(undefined, form({ invoiceId: String(invoiceId), amount, method: "card", idempotencyKey: newKey(), checkout: "on" }));
  expect(state).toMatchObject({ ok: true, data: { outcome: "redirect" } });
  const { url, paymentId } = state.data as { url: string; paymentId: number };
  expect(url.startsWith(`${stub.url}/checkout/cs_test_`)).toBe(true);
  return { sessionId: url.split("/").pop()!, paymentId };
}

async function payment(id: number) {
  const [row] = await getDb().select().from(payments).where(eq(payments.id, id));
  return row!;
}

async function eventRows(eventId: string) {
  return getDb().select().from(stripeEvents).where(eq(stripeEvents.eventId, eventId));
}

describe("card payments through Stripe (real SDK, local stub)", () => {
  it("a full payment is recorded only from the signed webhook, with a receipt by email and SMS", async () => {
    const { user, invoiceId } = await portalClientWithInvoice(12_345);
    await actAs(user);
    const { sessionId, paymentId } = await checkout(invoiceId, "123.45");
    // Before the webhook: a pending payment pointing at the checkout, and the invoice as it was.
    expect(await payment(paymentId)).toMatchObject({ status: "pending", method: "card", provider: "stripe", providerRef: sessionId, amountMinor: 12_345 });
    expect(await readInvoice(invoiceId)).toMatchObject({ amountPaidMinor: 0, status: "sent" });
    expect(stub.sessions.get(sessionId)).toMatchObject({ amount_total: 12_345, currency: "usd", mode: "payment", metadata: { paymentId: String(paymentId), invoiceId: String(invoiceId) } });

    const events = await stub.pay(sessionId);
    expect(events.map((e) => e.type)).toEqual(["payment_intent.succeeded", "checkout.session.completed"]);
    expect(stub.deliveries.slice(-2).map((d) => d.status)).toEqual([200, 200]);
    const intentId = stub.sessions.get(sessionId)!.payment_intent as string;
    expect(await payment(paymentId)).toMatchObject({ status: "succeeded", providerRef: intentId, reference: "Card via Stripe" });
    expect(await readInvoice(invoiceId)).toMatchObject({ amountPaidMinor: 12_345, status: "paid" });
    expect((await messagesAbout(invoiceId, "payment_receipt")).map((m) => m.channel).sort()).toEqual(["email", "sms"]);
    for (const e of events) expect((await eventRows(e.id)).map((r) => r.status)).toEqual(["processed"]);
  });

  it("a checkout paid by signed link is recorded, and the link's token is not kept in the stored events", async () => {
    const staff = await createUser({ role: "staff" });
    const client = await createClient({ email: "link-payer@example.com" });
    const invoice = await issuedInvoice({ id: staff.id, role: "staff" }, client.id, [line("Link work", 1000, 5_000)]);
    const { url } = await reissueInvoiceLink(getDb(), { invoiceId: invoice.id, actor: { id: staff.id, role: "staff" } });
    const token = url.split("/i/")[1]!;
    await actAs(null);
    const state = await payInvoiceByLink(undefined, form({ token, amount: "50.00", method: "card", idempotencyKey: newKey(), checkout: "on" }));
    expect(state).toMatchObject({ ok: true, data: { outcome: "redirect" } });
    const sessionId = (state.data as { url: string }).url.split("/").pop()!;
    // Stripe holds the return URL (the payer comes back to the link's page), and its events echo it.
    expect(stub.sessions.get(sessionId)!.success_url).toContain(`/i/${token}`);
    const events = await stub.pay(sessionId);
    expect(await readInvoice(invoice.id)).toMatchObject({ amountPaidMinor: 5_000, status: "paid" });
    const stored = (await Promise.all(events.map((e) => eventRows(e.id)))).flat();
    expect(stored.map((r) => r.status)).toEqual(["processed", "processed"]);
    const completed = stored.find((r) => r.type === "checkout.session.completed")!;
    expect(completed.payload).toContain("/i/[token]?checkout=returned");
    for (const row of stored) expect(row.payload).not.toContain(token);
  });

  it("a part payment follows the same rules as today: the minimum, never over the balance; refused amounts never reach Stripe", async () => {
    const { user, invoiceId } = await portalClientWithInvoice(10_000);
    await actAs(user);
    const calls = stub.calls.length;
    expect(await payInvoice(undefined, form({ invoiceId: String(invoiceId), amount: "9.99", method: "card", idempotencyKey: newKey(), checkout: "on" }))).toMatchObject({
      ok: false,
      fieldErrors: { amount: ["At least $10.00"] },
    });
    expect(await payInvoice(undefined, form({ invoiceId: String(invoiceId), amount: "100.01", method: "card", idempotencyKey: newKey(), checkout: "on" }))).toMatchObject({
      ok: false,
      fieldErrors: { amount: ["At most $100.00"] },
    });
    expect(stub.calls.length).toBe(calls);
    const { sessionId } = await checkout(invoiceId, "30.00");
    await stub.pay(sessionId);
    expect(await readInvoice(invoiceId)).toMatchObject({ amountPaidMinor: 3_000, status: "partially_paid" });
    expect(await messagesAbout(invoiceId, "payment_receipt")).toHaveLength(2);
  });

  it("a repeated submit of the pay form opens the same checkout", async () => {
    const { user, invoiceId } = await portalClientWithInvoice(10_000);
    await actAs(user);
    const fields = { invoiceId: String(invoiceId), amount: "50.00", method: "card", idempotencyKey: newKey(), checkout: "on" };
    const a = await payInvoice(undefined, form(fields));
    const b = await payInvoice(undefined, form(fields));
    expect((b.data as { url: string }).url).toBe((a.data as { url: string }).url);
    expect(await paymentsOf(invoiceId)).toHaveLength(1);
  });

  it("a duplicated webhook records nothing twice", async () => {
    const { user, invoiceId } = await portalClientWithInvoice(10_000);
    await actAs(user);
    const { sessionId, paymentId } = await checkout(invoiceId, "40.00");
    const [succeeded, completed] = await stub.pay(sessionId, { hold: true });
    expect(await stub.deliver(succeeded!)).toBe(200);
    expect(await stub.deliver(succeeded!)).toBe(200);
    expect(await Promise.all([stub.deliver(completed!), stub.deliver(completed!), stub.deliver(succeeded!)])).toEqual([200, 200, 200]);
    expect(await readInvoice(invoiceId)).toMatchObject({ amountPaidMinor: 4_000, status: "partially_paid" });
    expect(await paymentsOf(invoiceId)).toHaveLength(1);
    expect((await payment(paymentId)).status).toBe("succeeded");
    expect(await messagesAbout(invoiceId, "payment_receipt")).toHaveLength(2);
    expect(await eventRows(succeeded!.id)).toHaveLength(1);
  });

  it("webhooks out of order: completion before the intent, and a late failure after success, leave one payment and the balance right", async () => {
    const { user, invoiceId } = await portalClientWithInvoice(10_000);
    await actAs(user);
    const { sessionId, paymentId } = await checkout(invoiceId, "25.00");
    const [succeeded, completed] = await stub.pay(sessionId, { hold: true });
    // A failure event from an earlier attempt on the same intent, delivered last.
    const [lateFailure] = await stub.decline(sessionId, { hold: true });
    expect(await stub.deliver(completed!)).toBe(200);
    expect(await readInvoice(invoiceId)).toMatchObject({ amountPaidMinor: 2_500 });
    expect(await stub.deliver(succeeded!)).toBe(200);
    expect(await stub.deliver(lateFailure!)).toBe(200);
    expect(await readInvoice(invoiceId)).toMatchObject({ amountPaidMinor: 2_500, status: "partially_paid" });
    expect(await payment(paymentId)).toMatchObject({ status: "succeeded", failureReason: null });
    expect(await messagesAbout(invoiceId, "payment_receipt")).toHaveLength(2);
  });

  it("a forged or missing signature is refused with 400 and writes nothing", async () => {
    const { user, invoiceId } = await portalClientWithInvoice(10_000);
    await actAs(user);
    const { sessionId, paymentId } = await checkout(invoiceId, "60.00");
    const [succeeded] = await stub.pay(sessionId, { hold: true });
    const raw = JSON.stringify(succeeded);
    const eventsBefore = (await getDb().select({ n: count() }).from(stripeEvents))[0]!.n;
    const post = (headers: Record<string, string>, body = raw) =>
      stripeWebhook(new Request("http://127.0.0.1:3999/api/webhooks/stripe", { method: "POST", headers: { "content-type": "application/json", ...headers }, body }));
    const forged = await post({ "stripe-signature": stub.sign(raw, "whsec_not_the_real_secret") });
    expect(forged.status).toBe(400);
    expect((await post({})).status).toBe(400);
    // A real signature over a different body.
    const tampered = JSON.stringify({ ...succeeded, data: { object: { ...succeeded!.data.object, amount: 1, amount_received: 1 } } });
    expect((await post({ "stripe-signature": stub.sign(raw) }, tampered)).status).toBe(400);
    // An old timestamp (a replayed capture) is refused too.
    expect((await post({ "stripe-signature": stub.sign(raw, stub.webhookSecret, Math.floor(Date.now() / 1000) - 3600) })).status).toBe(400);
    expect((await getDb().select({ n: count() }).from(stripeEvents))[0]!.n).toBe(eventsBefore);
    expect(await payment(paymentId)).toMatchObject({ status: "pending" });
    expect(await readInvoice(invoiceId)).toMatchObject({ amountPaidMinor: 0 });
    // The same event, signed with the secret, goes through.
    expect((await post({ "stripe-signature": stub.sign(raw) })).status).toBe(200);
    expect(await readInvoice(invoiceId)).toMatchObject({ amountPaidMinor: 6_000 });
  });

  it("a declined card leaves the balance as it was; another card on the same checkout then pays", async () => {
    const { user, invoiceId } = await portalClientWithInvoice(10_000);
    await actAs(user);
    const { sessionId, paymentId } = await checkout(invoiceId, "70.00");
    await stub.decline(sessionId);
    expect(await payment(paymentId)).toMatchObject({ status: "failed", failureReason: "Card declined: Your card was declined." });
    expect(await readInvoice(invoiceId)).toMatchObject({ amountPaidMinor: 0, status: "sent" });
    expect(await messagesAbout(invoiceId, "payment_receipt")).toHaveLength(0);
    await stub.pay(sessionId);
    expect(await payment(paymentId)).toMatchObject({ status: "succeeded" });
    expect(await readInvoice(invoiceId)).toMatchObject({ amountPaidMinor: 7_000 });
  });

  it("a refund from the back office goes through Stripe, in parts, and the refund webhook settles it once", async () => {
    const { user, invoiceId, staff } = await portalClientWithInvoice(10_000);
    await actAs(user);
    const { sessionId, paymentId } = await checkout(invoiceId, "100.00");
    await stub.pay(sessionId);
    expect(await readInvoice(invoiceId)).toMatchObject({ amountPaidMinor: 10_000, status: "paid" });
    const admin = await createUser({ role: "admin" });
    const intentId = stub.sessions.get(sessionId)!.payment_intent as string;

    const { requestStripeRefund } = await import("@/lib/payments/stripe/refund");
    await requestStripeRefund(getDb(), { paymentId, amountMinor: 2_500, actor: { id: admin.id, role: "admin" } });
    await stub.idle();
    expect(stub.refunds.at(-1)).toMatchObject({ payment_intent: intentId, amount: 2_500 });
    expect(await payment(paymentId)).toMatchObject({ status: "succeeded", refundedMinor: 2_500 });
    expect(await readInvoice(invoiceId)).toMatchObject({ amountPaidMinor: 7_500, status: "partially_paid" });
    // Stripe redelivers the refund event: nothing moves again.
    const refundEvent = stub.deliveries.at(-1)!;
    expect(refundEvent).toMatchObject({ type: "charge.refunded", status: 200 });
    expect(await stub.deliver(refundEvent.event)).toBe(200);
    expect(await readInvoice(invoiceId)).toMatchObject({ amountPaidMinor: 7_500 });

    // The rest through the back-office refund action (payments:write), as staff.
    await actAs(staff);
    expect(await refundPayment(undefined, form({ paymentId: String(paymentId), refundableMinor: "7500", reason: "Cancelled job" }))).toMatchObject({ ok: true, data: { amountMinor: 7_500 } });
    await stub.idle();
    expect(await payment(paymentId)).toMatchObject({ status: "refunded", refundedMinor: 10_000 });
    expect(await readInvoice(invoiceId)).toMatchObject({ amountPaidMinor: 0, status: "sent" });
    expect(stub.refunds.filter((r) => r.payment_intent === intentId).map((r) => r.amount)).toEqual([2_500, 7_500]);
  });

  it("20 concurrent webhook deliveries for one invoice never overshoot: what doesn't fit is kept as refund due and admins are told", async () => {
    const { user, clientId, invoiceId } = await portalClientWithInvoice(10_000);
    await actAs(user);
    await createUser({ role: "admin" });
    // Twenty checkouts of $15 each were all open at once ($300 against a $100 balance).
    const started = [];
    for (let i = 0; i < 20; i++) {
      started.push(
        await startStripeCheckout(getDb(), {
          clientId,
          invoiceId,
          invoiceNumber: null,
          currency: "USD",
          amountMinor: 1_500,
          idempotencyKey: newKey(),
          email: null,
          actor: { id: user.id, role: "client" },
        }),
      );
    }
    const sessionIds = started.map((s) => s.url.split("/").pop()!);
    const events: StripeEventBody[] = (await Promise.all(sessionIds.map((id) => stub.pay(id, { hold: true })))).flat();
    const answers = await Promise.all(events.map((e) => stub.deliver(e)));
    expect(answers.every((s) => s === 200)).toBe(true);

    const invoice = await readInvoice(invoiceId);
    const rows = await paymentsOf(invoiceId);
    const succeeded = rows.filter((p) => p.status === "succeeded");
    const due = rows.filter((p) => p.refundDue);
    expect(invoice.amountPaidMinor).toBeLessThanOrEqual(10_000);
    expect(invoice.amountPaidMinor).toBe(succeeded.reduce((sum, p) => sum + p.amountMinor, 0));
    expect(succeeded).toHaveLength(6); // 6 x $15 = $90; a 7th would overshoot
    expect(due).toHaveLength(14);
    expect(due.every((p) => p.status === "failed" && p.providerRef?.startsWith("pi_") && p.failureReason?.includes("will be refunded"))).toBe(true);
    expect(await messagesAbout(invoiceId, "payment_receipt")).toHaveLength(12);
    const notices = await getDb()
      .select()
      .from(outbox)
      .where(and(eq(outbox.template, "payment_refund_due"), eq(outbox.relatedType, "payment")));
    expect(new Set(notices.filter((n) => due.some((p) => p.id === n.relatedId)).map((n) => n.relatedId)).size).toBe(14);
  });
});
