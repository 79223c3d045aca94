import { eq } from "drizzle-orm";
import { getDb } from "@/db";
import { auditLog, payments } from "@/db/schema";
import { payInvoice } from "@/lib/actions/portal/pay-invoice";
import { testChargeStats } from "@/lib/payments/providers/test-provider";
import { resetDatabase } from "../support/db";
import { ensureSettings, readInvoice } from "../support/invoices";
import { DECLINE_CARD, messagesAbout, newKey, payForm, paymentsOf, portalClientWithInvoice } from "../support/portal";
import { actAs } from "../support/request-context";

beforeAll(async () => {
  await resetDatabase();
  await ensureSettings({
    taxRateBp: 0,
    minPaymentMinor: 1_000,
    bankInstructions: "Pay to IBAN GB00 TEST 0000 0000 0000 00, reference your invoice number.",
    cashInstructions: "Bring cash to the front desk, 9-5.",
  });
});

describe("paying an invoice from the portal by card (test provider)", () => {
  it("pays in parts down to zero: partially paid, then paid, with a receipt email and SMS for each payment", async () => {
    const { user, invoiceId } = await portalClientWithInvoice(10_000);
    await actAs(user);
    expect(await payInvoice(undefined, payForm(invoiceId, "30.00"))).toMatchObject({ ok: true, data: { outcome: "succeeded", amountMinor: 3_000, balanceMinor: 7_000 } });
    expect(await readInvoice(invoiceId)).toMatchObject({ amountPaidMinor: 3_000, status: "partially_paid" });
    expect(await payInvoice(undefined, payForm(invoiceId, "45.50"))).toMatchObject({ ok: true, data: { outcome: "succeeded", balanceMinor: 2_450 } });
    expect(await payInvoice(undefined, payForm(invoiceId, "24.50"))).toMatchObject({ ok: true, data: { outcome: "succeeded", balanceMinor: 0 } });
    expect(await readInvoice(invoiceId)).toMatchObject({ amountPaidMinor: 10_000, status: "paid" });

    const rows = await paymentsOf(invoiceId);
    expect(rows.map((p) => [p.amountMinor, p.status, p.method, p.recordedBy, p.provider])).toEqual([
      [3_000, "succeeded", "card", null, "test"],
      [4_550, "succeeded", "card", null, "test"],
      [2_450, "succeeded", "card", null, "test"],
    ]);
    expect(rows.every((p) => p.reference === "Visa •••• 4242 (test mode)" && p.providerRef?.startsWith("test_pi_"))).toBe(true);
    expect(await messagesAbout(invoiceId, "payment_receipt")).toHaveLength(6);
    // Nothing left to pay.
    expect(await payInvoice(undefined, payForm(invoiceId, "10.00"))).toMatchObject({ ok: false, formError: "This invoice is already paid in full." });
  });

  it("refuses less than the minimum from settings (unless it settles the balance) and more than the balance", async () => {
    const { user, invoiceId } = await portalClientWithInvoice(10_500);
    await actAs(user);
    expect(await payInvoice(undefined, payForm(invoiceId, "9.99"))).toMatchObject({ ok: false, fieldErrors: { amount: ["At least $10.00"] } });
    expect(await payInvoice(undefined, payForm(invoiceId, "105.01"))).toMatchObject({ ok: false, fieldErrors: { amount: ["At most $105.00"] } });
    expect(await payInvoice(undefined, payForm(invoiceId, "100.00"))).toMatchObject({ ok: true });
    // $5.00 is under the minimum, but it is the whole balance.
    expect(await payInvoice(undefined, payForm(invoiceId, "5.00"))).toMatchObject({ ok: true, data: { outcome: "succeeded", balanceMinor: 0 } });
    expect(await payInvoice(undefined, payForm(invoiceId, "abc"))).toMatchObject({ ok: false });
  });

  it("a declined card leaves the balance unchanged and records the decline", async () => {
    const { user, invoiceId } = await portalClientWithInvoice(10_000);
    await actAs(user);
    const before = await readInvoice(invoiceId);
    const state = await payInvoice(undefined, payForm(invoiceId, "50.00", { cardNumber: DECLINE_CARD }));
    expect(state).toMatchObject({ ok: true, data: { outcome: "declined", reason: "The card was declined." } });
    const after = await readInvoice(invoiceId);
    expect(after).toMatchObject({ amountPaidMinor: 0, status: "sent", version: before.version });
    expect((await paymentsOf(invoiceId)).map((p) => [p.status, p.failureReason])).toEqual([["failed", "Card declined: The card was declined."]]);
    expect(await messagesAbout(invoiceId, "payment_receipt")).toHaveLength(0);
  });

  it("a double submit (same form key) charges once and records one payment, even at the same moment", async () => {
    const { user, invoiceId } = await portalClientWithInvoice(10_000);
    await actAs(user);
    const key = newKey();
    const [a, b] = await Promise.all([payInvoice(undefined, payForm(invoiceId, "40.00", { idempotencyKey: key })), payInvoice(undefined, payForm(invoiceId, "40.00", { idempotencyKey: key }))]);
    const c = await payInvoice(undefined, payForm(invoiceId, "40.00", { idempotencyKey: key }));
    for (const state of [a, b, c]) expect(state.ok).toBe(true);
    const outcomes = [a, b, c].map((s) => (s.data as { outcome: string }).outcome);
    expect(outcomes.filter((o) => o === "succeeded").length).toBeGreaterThanOrEqual(2);
    expect(outcomes.every((o) => o === "succeeded" || o === "processing")).toBe(true);
    expect((c.data as { replayed: boolean }).replayed).toBe(true);

    const rows = await paymentsOf(invoiceId);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ status: "succeeded", amountMinor: 4_000, idempotencyKey: `portal:${key}` });
    expect(testChargeStats(rows[0]!.providerRef!)).toEqual({ attempts: 1, captured: true, refunded: false });
    expect(await readInvoice(invoiceId)).toMatchObject({ amountPaidMinor: 4_000 });
    expect(await messagesAbout(invoiceId, "payment_receipt")).toHaveLength(2);
  });

  it("a card that fails the number check never reaches the provider", async () => {
    const { user, invoiceId } = await portalClientWithInvoice();
    await actAs(user);
    expect(await payInvoice(undefined, payForm(invoiceId, "20.00", { cardNumber: "4242 4242 4242 4241", cardExpiry: "13/30", cardCvc: "1" }))).toMatchObject({
      ok: false,
      fieldErrors: { cardNumber: ["Enter a valid card number"], cardExpiry: ["Enter the expiry as MM/YY"], cardCvc: ["Enter the 3 or 4 digits on the back"] },
    });
    expect(await paymentsOf(invoiceId)).toHaveLength(0);
  });

  it("never stores the card number, and never echoes it back", async () => {
    const { user, invoiceId } = await portalClientWithInvoice();
    await actAs(user);
    const state = await payInvoice(undefined, payForm(invoiceId, "1000.00"));
    expect(state.ok).toBe(false);
    // The echo keeps what the form needs back, and none of the card fields (the
    // idempotency key is random hex, so the check names fields, not digits).
    expect(Object.keys(state.values ?? {}).sort()).toEqual(["amount", "idempotencyKey", "invoiceId", "method"]);
    expect(JSON.stringify(state.values)).not.toContain("4242");
    await payInvoice(undefined, payForm(invoiceId, "20.00"));
    const dump = JSON.stringify([await paymentsOf(invoiceId), await getDb().select().from(auditLog)]);
    expect(dump).not.toContain("4242424242424242");
    expect(dump).not.toContain("4242 4242 4242 4242");
  });
});

describe("bank transfer and cash from the portal", () => {
  it("records a pending payment with the instructions from settings; the balance waits for staff", async () => {
    const { user, invoiceId } = await portalClientWithInvoice(10_000);
    await actAs(user);
    const bank = await payInvoice(undefined, payForm(invoiceId, "60.00", { method: "bank_transfer", cardNumber: "" }));
    expect(bank).toMatchObject({ ok: true, data: { outcome: "pending", amountMinor: 6_000, instructions: expect.stringContaining("IBAN") } });
    const cash = await payInvoice(undefined, payForm(invoiceId, "40.00", { method: "cash", cardNumber: "" }));
    expect(cash).toMatchObject({ ok: true, data: { outcome: "pending", instructions: expect.stringContaining("front desk") } });
    expect(await readInvoice(invoiceId)).toMatchObject({ amountPaidMinor: 0, status: "sent" });
    const rows = await getDb().select({ status: payments.status, method: payments.method }).from(payments).where(eq(payments.invoiceId, invoiceId));
    expect(rows).toEqual([
      { status: "pending", method: "bank_transfer" },
      { status: "pending", method: "cash" },
    ]);
    expect(await messagesAbout(invoiceId, "payment_receipt")).toHaveLength(0);
  });
});
