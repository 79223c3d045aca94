import { and, eq } from "drizzle-orm";
import { isValidElement } from "react";
import { POST as stripeWebhook } from "@/app/api/webhooks/stripe/route";
import { getDb } from "@/db";
import { auditLog, clients, invoices, payments, subscriptions } from "@/db/schema";
import { cancelSubscription } from "@/lib/actions/portal/cancel-subscription";
import { payInvoice } from "@/lib/actions/portal/pay-invoice";
import { removeSavedCard } from "@/lib/actions/portal/remove-saved-card";
import { subscribeToService } from "@/lib/actions/portal/subscribe-to-service";
import { SYSTEM_ACTOR } from "@/lib/audit";
import { nthPeriod } from "@/lib/billing/periods";
import { runBilling } from "@/lib/billing/run";
import { archiveClient } from "@/lib/clients/client-records";
import { businessDay } from "@/lib/dates";
import { resolveInvoiceLink } from "@/lib/invoices/links";
import { describeSavedCard } from "@/lib/payments/stripe/card-on-file";
import { form, redirectOf } from "../support/actions";
import { resetDatabase } from "../support/db";
import { createClientUser, createUser } from "../support/factories";
import { ensureSettings, readInvoice } from "../support/invoices";
import { createService, messagesAbout, newKey } from "../support/portal";
import { actAs } from "../support/request-context";
import { revealSecrets } from "../support/secrets";
import { startStripeStub, type StripeStub } from "../support/stubs/stripe-stub";

// Cards saved on file at subscribe time (Checkout in setup mode) and charged
// off-session by the billing run; the real stripe SDK against the local stub,
// whose signed webhooks go to the real route handler.
let stub: StripeStub;
const today = businessDay("UTC", new Date());
const nextPeriod = nthPeriod(today, "monthly", 1).start;

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
  await ensureSettings({ taxRateBp: 0, minPaymentMinor: 1_000, timeZone: "UTC" });
});

afterAll(async () => {
  await stub.close();
});

async function subscription(id: number) {
  const [row] = await getDb().select().from(subscriptions).where(eq(subscriptions.id, id));
  return row!;
}

async function invoicesOf(subscriptionId: number) {
  return getDb().select().from(invoices).where(eq(invoices.subscriptionId, subscriptionId)).orderBy(invoices.id);
}

async function paymentsOn(invoiceId: number) {
  return getDb().select().from(payments).where(eq(payments.invoiceId, invoiceId)).orderBy(payments.id);
}

/** The saved cards the portal's subscriptions page offers to remove, by subscription id, as it hands them to the list. */
async function cardsOnSubscriptionsPage(): Promise<Map<number, string>> {
  const { default: Page } = await import("@/app/(client)/portal/subscriptions/page");
  const found: Map<number, string>[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (isValidElement(node)) {
      const props = node.props as { savedCards?: Map<number, string>; children?: unknown };
      if (props.savedCards instanceof Map) found.push(props.savedCards);
      walk(props.children);
    }
  };
  walk(await Page());
  expect(found).toHaveLength(1);
  return found[0]!;
}

const offSessionCharges = () => stub.calls.filter((c) => c === "POST /v1/payment_intents").length;

/** A client subscribes with "Save this card" ticked, is sent to Stripe's setup page, and saves the card there. */
async function subscribeSavingCard() {
  const { user, clientId } = await createClientUser();
  await getDb().update(clients).set({ phone: "+14155550123", smsOptIn: true }).where(eq(clients.id, clientId));
  const serviceId = await createService({ name: `Care plan ${newKey().slice(0, 6)}`, priceMinor: 4_900, interval: "monthly" });
  await actAs(user);
  const to = await redirectOf(subscribeToService(undefined, form({ serviceId: String(serviceId), paymentMethod: "card", saveCard: "on", idempotencyKey: newKey() })));
  expect(to.startsWith(`${stub.url}/checkout/cs_test_`)).toBe(true);
  const sessionId = to.split("/").pop()!;
  const [sub] = await getDb().select().from(subscriptions).where(eq(subscriptions.clientId, clientId));
  const [first] = await invoicesOf(sub!.id);
  const session = stub.sessions.get(sessionId)!;
  expect(session).toMatchObject({ mode: "setup", metadata: { subscriptionId: String(sub!.id) }, customer: expect.stringMatching(/^cus_/) });
  expect(session.success_url).toMatch(new RegExp(`/portal/invoices/${first!.id}\\?subscribed=1&method=card&card=saved$`));
  // Nothing is saved until Stripe's signed webhook says the setup succeeded.
  expect(await subscription(sub!.id)).toMatchObject({ stripeCustomerId: session.customer, stripePaymentMethodId: null });
  await stub.pay(sessionId);
  expect(stub.deliveries.at(-1)).toMatchObject({ type: "checkout.session.completed", status: 200 });
  const saved = await subscription(sub!.id);
  expect(saved).toMatchObject({ stripeCustomerId: session.customer, stripePaymentMethodId: expect.stringMatching(/^pm_card_visa_/) });
  return { user, clientId, subscriptionId: sub!.id, customer: session.customer as string, card: saved.stripePaymentMethodId!, firstInvoiceId: first!.id };
}

describe("cards saved on file for subscription invoices (real SDK, local stub)", () => {
  it("billing charges the saved card off-session when it issues the invoice; the webhook records it, with receipts by email and SMS", async () => {
    const { subscriptionId, customer, card } = await subscribeSavingCard();
    const charges = offSessionCharges();
    const run = await runBilling(getDb(), { actor: SYSTEM_ACTOR, today: nextPeriod });
    expect(run.created).toBeGreaterThanOrEqual(1);
    const issued = (await invoicesOf(subscriptionId)).at(-1)!;
    expect(run.invoiceIds).toContain(issued.id);
    await stub.idle();

    expect(offSessionCharges()).toBe(charges + 1);
    const intent = [...stub.intents.values()].find((i) => (i.metadata as Record<string, string>).invoiceId === String(issued.id))!;
    expect(intent).toMatchObject({ customer, payment_method: card, amount: 4_900, currency: "usd", status: "succeeded" });
    expect(await paymentsOn(issued.id)).toEqual([expect.objectContaining({ status: "succeeded", method: "card", provider: "stripe", providerRef: intent.id, amountMinor: 4_900, recordedBy: null })]);
    expect(await readInvoice(issued.id)).toMatchObject({ amountPaidMinor: 4_900, status: "paid" });
    expect((await messagesAbout(issued.id, "payment_receipt")).map((m) => m.channel).sort()).toEqual(["email", "sms"]);

    // Another run the same day charges nothing again.
    await runBilling(getDb(), { actor: SYSTEM_ACTOR, today: nextPeriod });
    await stub.idle();
    expect(offSessionCharges()).toBe(charges + 1);
    expect(await paymentsOn(issued.id)).toHaveLength(1);
  });

  it("an off-session charge that fails then succeeds from the emailed link", async () => {
    const { user, subscriptionId, customer } = await subscribeSavingCard();
    // The card on file stops working (cancelled by the bank, say).
    stub.declineOffSession.add(customer);
    await runBilling(getDb(), { actor: SYSTEM_ACTOR, today: nextPeriod });
    await stub.idle();
    const issued = (await invoicesOf(subscriptionId)).at(-1)!;

    // The decline leaves the invoice open and the payment failed; the late payment_failed webhook changes nothing.
    const [declined] = await paymentsOn(issued.id);
    expect(declined).toMatchObject({ status: "failed", provider: "stripe", amountMinor: 4_900, failureReason: "Card declined: Your card was declined." });
    expect(stub.deliveries.filter((d) => d.type === "payment_intent.payment_failed").at(-1)).toMatchObject({ status: 200 });
    expect(await readInvoice(issued.id)).toMatchObject({ amountPaidMinor: 0, status: "sent" });
    expect(await messagesAbout(issued.id, "payment_receipt")).toHaveLength(0);

    // The client is emailed the invoice with its pay link and why.
    const mails = (await messagesAbout(issued.id, "invoice")).filter((m) => revealSecrets(m).text.includes("couldn't charge your saved card"));
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ channel: "email", toFirst: user.email });
    const token = /\/i\/([A-Za-z0-9_-]{20,})/.exec(revealSecrets(mails[0]!).text)?.[1];
    expect(token).toBeDefined();
    expect(await resolveInvoiceLink(getDb(), token!)).toMatchObject({ state: "valid", invoiceId: issued.id });

    // From the link, signed in, the client pays with another card on Stripe's page.
    await actAs(user);
    const state = await payInvoice(undefined, form({ invoiceId: String(issued.id), amount: "49.00", method: "card", idempotencyKey: newKey(), checkout: "on" }));
    expect(state).toMatchObject({ ok: true, data: { outcome: "redirect" } });
    const sessionId = (state.data as { url: string }).url.split("/").pop()!;
    await stub.pay(sessionId);
    const after = await paymentsOn(issued.id);
    expect(after.map((p) => p.status)).toEqual(["failed", "succeeded"]);
    expect(await readInvoice(issued.id)).toMatchObject({ amountPaidMinor: 4_900, status: "paid" });
    expect((await messagesAbout(issued.id, "payment_receipt")).map((m) => m.channel).sort()).toEqual(["email", "sms"]);
  });

  it("the client sees the saved card and removes it: detached in Stripe, audited, and the next invoice is not charged", async () => {
    const { subscriptionId, clientId, user, card } = await subscribeSavingCard();
    expect(await describeSavedCard(card)).toBe("Visa ending 4242");

    await actAs(user);
    expect(await removeSavedCard(undefined, form({ subscriptionId: String(subscriptionId) }))).toMatchObject({ ok: true, data: { detached: true } });
    expect(stub.detached.has(card)).toBe(true);
    expect(await subscription(subscriptionId)).toMatchObject({ stripePaymentMethodId: null });
    const [audit] = await getDb()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityType, "subscription"), eq(auditLog.entityId, subscriptionId), eq(auditLog.action, "subscription.card_removed")));
    expect(audit).toMatchObject({ actorRole: "client", after: { savedCard: false, detached: true } });
    expect(await removeSavedCard(undefined, form({ subscriptionId: String(subscriptionId) }))).toMatchObject({ ok: false, formError: "No card is saved on this subscription." });

    const billed = await runBilling(getDb(), { actor: SYSTEM_ACTOR, today: nextPeriod });
    await stub.idle();
    const issued = (await invoicesOf(subscriptionId)).at(-1)!;
    expect(billed.invoiceIds).toContain(issued.id);
    expect(issued.clientId).toBe(clientId);
    expect([...stub.intents.values()].some((i) => (i.metadata as Record<string, string>).invoiceId === String(issued.id) || i.payment_method === card)).toBe(false);
    expect(await paymentsOn(issued.id)).toEqual([]);
    expect(await readInvoice(issued.id)).toMatchObject({ status: "sent", amountPaidMinor: 0 });
  });

  it("a card saved on a subscription that has ended (cancelled, or its client archived) is still offered for removal, and removing it detaches it", async () => {
    const cancelled = await subscribeSavingCard();
    expect(await cancelSubscription(undefined, form({ subscriptionId: String(cancelled.subscriptionId) }))).toMatchObject({ ok: true });
    const charges = offSessionCharges();
    await runBilling(getDb(), { actor: SYSTEM_ACTOR, today: nextPeriod });
    await stub.idle();
    // Ending charges nothing and leaves the card saved, so the page must still offer "Remove card".
    expect(await subscription(cancelled.subscriptionId)).toMatchObject({ status: "cancelled", stripePaymentMethodId: cancelled.card });
    expect(offSessionCharges()).toBe(charges);
    expect((await cardsOnSubscriptionsPage()).get(cancelled.subscriptionId)).toBe("Visa ending 4242");
    expect(await removeSavedCard(undefined, form({ subscriptionId: String(cancelled.subscriptionId) }))).toMatchObject({ ok: true, data: { detached: true } });
    expect(stub.detached.has(cancelled.card)).toBe(true);
    expect(await subscription(cancelled.subscriptionId)).toMatchObject({ stripePaymentMethodId: null });
    expect((await cardsOnSubscriptionsPage()).has(cancelled.subscriptionId)).toBe(false);

    const archived = await subscribeSavingCard();
    const admin = await createUser({ role: "admin" });
    await archiveClient(getDb(), archived.clientId, { id: admin.id, role: "admin" });
    expect(await subscription(archived.subscriptionId)).toMatchObject({ status: "cancelled", stripePaymentMethodId: archived.card });
    await actAs(archived.user);
    expect((await cardsOnSubscriptionsPage()).get(archived.subscriptionId)).toBe("Visa ending 4242");
    expect(await removeSavedCard(undefined, form({ subscriptionId: String(archived.subscriptionId) }))).toMatchObject({ ok: true, data: { detached: true } });
    expect(stub.detached.has(archived.card)).toBe(true);
  });
});
