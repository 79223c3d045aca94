import { and, desc, eq } from "drizzle-orm";
import { POST as stripeWebhook } from "@/app/api/webhooks/stripe/route";
import { getDb } from "@/db";
import { auditLog, outbox, payments, stripeEvents } from "@/db/schema";
import { countCardPaymentViews, listFailedStripeEvents, listPendingCardPayments, listRefundDuePayments } from "@/db/queries/card-payments";
import { payInvoice } from "@/lib/actions/portal/pay-invoice";
import { recordPayment } from "@/lib/actions/payments/record-payment";
import { refundPayment } from "@/lib/actions/payments/refund-payment";
import { retryStripeEvent } from "@/lib/actions/payments/retry-stripe-event";
import { formatMoney } from "@/lib/money";
import { REFUND_CHANGED } from "@/lib/payments";
import { form } from "../support/actions";
import { resetDatabase } from "../support/db";
import { createUser } from "../support/factories";
import { ensureSettings, readInvoice } from "../support/invoices";
import { messagesAbout, newKey, portalClientWithInvoice } from "../support/portal";
import { actAs } from "../support/request-context";
import { startStripeStub, type StripeEventBody, type StripeStub } from "../support/stubs/stripe-stub";

// The back office's side of card payments: the payments page's lists, the
// retry of a failed webhook, and refunds of a part typed in the business's
// locale (de-DE here: "25,00"). The real stripe SDK against the local stub.
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
  await ensureSettings({ taxRateBp: 0, minPaymentMinor: 1_000, locale: "de-DE" });
});

afterAll(async () => {
  await stub.close();
});

async function checkout(invoiceId: number, amount: string): Promise<{ sessionId: string; paymentId: number }> {
  const state = await payInvoice(undefined, form({ invoiceId: String(invoiceId), amount, method: "card", idempotencyKey: newKey(), checkout: "on" }));
  expect(state).toMatchObject({ ok: true, data: { outcome: "redirect" } });
  const { url, paymentId } = state.data as { url: string; paymentId: number };
  return { sessionId: url.split("/").pop()!, paymentId };
}

const usd = (minor: number) => formatMoney(minor, "USD", "de-DE");

/** The refund dialog's request: `refundableMinor` is what it showed as left to refund when it opened. */
const refund = (paymentId: number, refundableMinor: number, fields: { amount?: string; reason?: string } = {}) =>
  refundPayment(undefined, form({ paymentId: String(paymentId), refundableMinor: String(refundableMinor), ...fields }));

async function payment(id: number) {
  const [row] = await getDb().select().from(payments).where(eq(payments.id, id));
  return row!;
}

async function eventRow(eventId: string) {
  const [row] = await getDb().select().from(stripeEvents).where(eq(stripeEvents.eventId, eventId));
  return row!;
}

async function auditsOf(entityType: string, entityId: number, action: string) {
  return getDb()
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entityType, entityType), eq(auditLog.entityId, entityId), eq(auditLog.action, action)))
    .orderBy(desc(auditLog.id));
}

/** A delivery Stripe made that our handler could not apply (stored as failed, answered 500): the event as stored. */
async function failedDelivery(event: StripeEventBody, error: string): Promise<number> {
  const [res] = await getDb()
    .insert(stripeEvents)
    .values({ eventId: event.id, type: event.type, status: "failed", lastError: error, payload: JSON.stringify(event) });
  return res.insertId;
}

describe("the back-office payments page and its actions (real SDK, local stub)", () => {
  it("lists a card payment awaiting Stripe until its webhook confirms it", async () => {
    const { user, invoiceId } = await portalClientWithInvoice(10_000);
    await actAs(user);
    const { sessionId, paymentId } = await checkout(invoiceId, "40,00");
    const pending = await listPendingCardPayments(1);
    expect(pending.find((r) => r.id === paymentId)).toMatchObject({ invoiceId, amountMinor: 4_000, currency: "USD", providerRef: sessionId, status: "pending" });
    const before = await countCardPaymentViews();
    await stub.pay(sessionId);
    expect((await listPendingCardPayments(1)).some((r) => r.id === paymentId)).toBe(false);
    expect((await countCardPaymentViews()).pending).toBe(before.pending - 1);
  });

  it("a failed webhook is retried through the same idempotent path: recorded once, with receipts, audited; a second retry and Stripe's redelivery change nothing", async () => {
    const { user, invoiceId } = await portalClientWithInvoice(10_000);
    await actAs(user);
    const { sessionId, paymentId } = await checkout(invoiceId, "60,00");
    // Stripe's delivery of the success failed on our side (e.g. the database was away): the event is stored as failed.
    const [succeeded] = await stub.pay(sessionId, { hold: true });
    const rowId = await failedDelivery(succeeded!, "Connection lost: The server closed the connection.");
    expect((await listFailedStripeEvents(1)).find((r) => r.id === rowId)).toMatchObject({
      eventId: succeeded!.id,
      type: "payment_intent.succeeded",
      attempts: 1,
      lastError: "Connection lost: The server closed the connection.",
    });
    expect(await payment(paymentId)).toMatchObject({ status: "pending" });

    const staff = await createUser({ role: "staff" });
    await actAs(staff);
    expect(await retryStripeEvent(undefined, { id: rowId })).toMatchObject({ ok: true, data: { outcome: "recorded" } });
    expect(await payment(paymentId)).toMatchObject({ status: "succeeded", amountMinor: 6_000 });
    expect(await readInvoice(invoiceId)).toMatchObject({ amountPaidMinor: 6_000, status: "partially_paid" });
    expect(await eventRow(succeeded!.id)).toMatchObject({ status: "processed", attempts: 2, lastError: null });
    expect((await listFailedStripeEvents(1)).some((r) => r.id === rowId)).toBe(false);
    expect((await messagesAbout(invoiceId, "payment_receipt")).map((m) => m.channel).sort()).toEqual(["email", "sms"]);
    const [audit] = await auditsOf("stripe_event", rowId, "stripe_event.retry");
    expect(audit).toMatchObject({ actorUserId: staff.id, actorRole: "staff", before: { status: "failed", attempts: 1 }, after: { status: "processed", outcome: "recorded" } });

    // Pressed again, and Stripe's own redelivery: nothing twice.
    expect(await retryStripeEvent(undefined, { id: rowId })).toMatchObject({ ok: true, data: { outcome: "duplicate" } });
    expect(await stub.deliver(succeeded!)).toBe(200);
    expect(await readInvoice(invoiceId)).toMatchObject({ amountPaidMinor: 6_000 });
    expect(await messagesAbout(invoiceId, "payment_receipt")).toHaveLength(2);
  });

  it("an event that fails again stays in the list with its new error, and the retry says so", async () => {
    const { user, invoiceId } = await portalClientWithInvoice(10_000);
    await actAs(user);
    const { sessionId, paymentId } = await checkout(invoiceId, "30,00");
    const [succeeded] = await stub.pay(sessionId, { hold: true });
    // Stripe reports a different amount than the payment was for: it is never applied.
    const tampered: StripeEventBody = { ...succeeded!, data: { object: { ...succeeded!.data.object, amount: 9_999, amount_received: 9_999 } } };
    expect(await stub.deliver(tampered)).toBe(500);
    const row = await eventRow(tampered.id);
    expect(row).toMatchObject({ status: "failed", attempts: 1 });

    const admin = await createUser({ role: "admin" });
    await actAs(admin);
    const state = await retryStripeEvent(undefined, { id: row.id });
    expect(state.ok).toBe(false);
    expect(state.formError).toContain("took 9999 usd, but payment");
    expect(await eventRow(tampered.id)).toMatchObject({ status: "failed", attempts: 2 });
    expect(await payment(paymentId)).toMatchObject({ status: "pending" });
    expect(await readInvoice(invoiceId)).toMatchObject({ amountPaidMinor: 0 });
    expect((await auditsOf("stripe_event", row.id, "stripe_event.retry"))[0]).toMatchObject({ after: { status: "failed" } });
    expect(await retryStripeEvent(undefined, { id: 987_654_321 })).toMatchObject({ ok: false, formError: "That webhook event was not found." });
  });

  it("a part refund typed in the business's locale goes through Stripe for that amount; too much, zero and ambiguous amounts are refused with a field error and never reach Stripe", async () => {
    const { user, invoiceId, staff } = await portalClientWithInvoice(10_000);
    await actAs(user);
    const { sessionId, paymentId } = await checkout(invoiceId, "100,00");
    await stub.pay(sessionId);
    const intentId = stub.sessions.get(sessionId)!.payment_intent as string;
    await actAs(staff);

    const refundsBefore = stub.refunds.length;
    let left = 10_000;
    const refused = async (amount: string, message: string) => {
      const state = await refund(paymentId, left, { amount });
      expect(state).toMatchObject({ ok: false, fieldErrors: { amount: [message] } });
    };
    await refused("100,01", `At most ${usd(10_000)}, what is left to refund`);
    await refused("0", "Enter an amount above zero");
    await refused("12.50", "Enter the amount like 1.234,50");
    expect(stub.refunds).toHaveLength(refundsBefore);

    expect(await refund(paymentId, 10_000, { amount: "25,00", reason: "One session cancelled" })).toMatchObject({ ok: true, data: { amountMinor: 2_500 } });
    await stub.idle();
    expect(stub.refunds.at(-1)).toMatchObject({ payment_intent: intentId, amount: 2_500 });
    expect(await payment(paymentId)).toMatchObject({ status: "succeeded", refundedMinor: 2_500 });
    expect(await readInvoice(invoiceId)).toMatchObject({ amountPaidMinor: 7_500, status: "partially_paid" });
    // The same request again, once Stripe's webhook has settled the first: refused, and never sent to Stripe.
    const refunds = stub.refunds.length;
    expect(await refund(paymentId, 10_000, { amount: "25,00", reason: "One session cancelled" })).toMatchObject({ ok: false, fieldErrors: {}, formError: REFUND_CHANGED });
    await stub.idle();
    expect(stub.refunds).toHaveLength(refunds);
    expect(await payment(paymentId)).toMatchObject({ status: "succeeded", refundedMinor: 2_500 });
    // What is left is now the limit.
    left = 7_500;
    await refused("75,01", `At most ${usd(7_500)}, what is left to refund`);
  });

  it("a part refund of a payment staff recorded is recorded at once, once however often it is sent; the rest then refunds it in full", async () => {
    const { invoiceId, staff } = await portalClientWithInvoice(10_000);
    await actAs(staff);
    const recorded = await recordPayment(
      undefined,
      form({ invoiceId: String(invoiceId), amount: "80,00", method: "bank_transfer", receivedOn: "2026-01-05", reference: "", idempotencyKey: newKey() }),
    );
    expect(recorded).toMatchObject({ ok: true });
    const paymentId = (recorded.data as { paymentId: number }).paymentId;

    expect(await refund(paymentId, 8_000, { amount: "30,00" })).toMatchObject({ ok: true, data: { status: "succeeded" } });
    expect(await payment(paymentId)).toMatchObject({ status: "succeeded", refundedMinor: 3_000 });
    expect(await readInvoice(invoiceId)).toMatchObject({ amountPaidMinor: 5_000 });
    const [audit] = await auditsOf("payment", paymentId, "payment.refund");
    expect(audit).toMatchObject({ after: { status: "succeeded", refundMinor: 3_000, refundedMinor: 3_000, amountPaidMinor: 5_000 } });

    // The same request sent again (a second press, a retried POST): nothing more is refunded.
    expect(await refund(paymentId, 8_000, { amount: "30,00" })).toMatchObject({ ok: false, fieldErrors: {}, formError: REFUND_CHANGED });
    expect(await payment(paymentId)).toMatchObject({ refundedMinor: 3_000 });
    expect(await auditsOf("payment", paymentId, "payment.refund")).toHaveLength(1);

    const over = await refund(paymentId, 5_000, { amount: "50,01" });
    expect(over).toMatchObject({ ok: false, fieldErrors: { amount: [`At most ${usd(5_000)}, what is left to refund`] } });
    // Two copies of one request at once: the payment's lock lets one through.
    const both = await Promise.all([refund(paymentId, 5_000, { amount: "10,00" }), refund(paymentId, 5_000, { amount: "10,00" })]);
    expect(both.filter((s) => s.ok)).toHaveLength(1);
    expect(both.find((s) => !s.ok)).toMatchObject({ ok: false, fieldErrors: {}, formError: REFUND_CHANGED });
    expect(await payment(paymentId)).toMatchObject({ status: "succeeded", refundedMinor: 4_000 });
    expect(await readInvoice(invoiceId)).toMatchObject({ amountPaidMinor: 4_000 });
    // No amount: the rest.
    expect(await refund(paymentId, 4_000)).toMatchObject({ ok: true, data: { status: "refunded" } });
    expect(await payment(paymentId)).toMatchObject({ status: "refunded", refundedMinor: 8_000 });
    expect(await readInvoice(invoiceId)).toMatchObject({ amountPaidMinor: 0, status: "sent" });
  });

  it("a card payment that overshot the balance is listed to refund, and its refund through Stripe leaves the invoice as it was", async () => {
    const { user, invoiceId, staff } = await portalClientWithInvoice(10_000);
    await createUser({ role: "admin" });
    await actAs(user);
    const first = await checkout(invoiceId, "100,00");
    const second = await checkout(invoiceId, "50,00");
    await stub.pay(first.sessionId);
    await stub.pay(second.sessionId);
    expect(await payment(second.paymentId)).toMatchObject({ status: "failed", refundDue: true });
    expect((await listRefundDuePayments(1)).find((r) => r.id === second.paymentId)).toMatchObject({ invoiceId, amountMinor: 5_000, refundedMinor: 0 });
    const [notice] = await getDb()
      .select()
      .from(outbox)
      .where(and(eq(outbox.template, "payment_refund_due"), eq(outbox.relatedType, "payment"), eq(outbox.relatedId, second.paymentId)));
    expect(notice!.templateData).toMatchObject({ paymentsUrl: expect.stringMatching(/\/admin\/payments\?view=refunds$/) });
    expect(notice!.text).toContain("/admin/payments?view=refunds");

    await actAs(staff);
    expect(await refund(second.paymentId, 5_000, { amount: "50,00" })).toMatchObject({ ok: true });
    await stub.idle();
    expect(await payment(second.paymentId)).toMatchObject({ refundDue: false, refundedMinor: 5_000 });
    expect(await readInvoice(invoiceId)).toMatchObject({ amountPaidMinor: 10_000, status: "paid" });
    expect((await listRefundDuePayments(1)).some((r) => r.id === second.paymentId)).toBe(false);
  });
});
