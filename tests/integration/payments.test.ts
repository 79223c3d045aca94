import { and, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { auditLog, outbox, payments } from "@/db/schema";
import { DomainError, NotFoundError } from "@/lib/errors";
import type { Actor } from "@/lib/actor";
import { confirmPayment, recordPayment, refundPayment, rejectPayment } from "@/lib/payments";
import { resetDatabase } from "../support/db";
import { createUser } from "../support/factories";
import { createClient, ensureSettings, issuedInvoice, line, readInvoice, invoiceRollupDrift } from "../support/invoices";

let staff: Actor;

beforeAll(async () => {
  await resetDatabase();
  await ensureSettings({ minPaymentMinor: 500 });
  const user = await createUser({ role: "staff" });
  staff = { id: user.id, role: "staff", ip: "127.0.0.1" };
});

let keySeq = 0;
const key = () => `test-${Date.now()}-${++keySeq}`;
const pay = (invoiceId: number, amountMinor: number, extra: Partial<Parameters<typeof recordPayment>[1]> = {}) =>
  recordPayment(getDb(), { invoiceId, amountMinor, method: "bank_transfer", reference: null, status: "succeeded", idempotencyKey: key(), actor: staff, ...extra });

const succeededSum = async (invoiceId: number) =>
  (
    await getDb()
      .select({ amount: payments.amountMinor })
      .from(payments)
      .where(and(eq(payments.invoiceId, invoiceId), eq(payments.status, "succeeded")))
  ).reduce((n, p) => n + p.amount, 0);

describe("recording payments", () => {
  it("moves through partially paid to paid and keeps amount_paid equal to the succeeded payments", async () => {
    const client = await createClient();
    const { id } = await issuedInvoice(staff, client.id, [line("Work", 1000, 100_00)]);
    const first = await pay(id, 40_00);
    expect(first).toMatchObject({ status: "succeeded", amountPaidMinor: 40_00, invoiceStatus: "partially_paid", replayed: false });
    const second = await pay(id, 60_00);
    expect(second).toMatchObject({ amountPaidMinor: 100_00, invoiceStatus: "paid" });
    const inv = await readInvoice(id);
    expect(inv).toMatchObject({ status: "paid", amountPaidMinor: 100_00, version: 4 });
    expect(inv.paidAt).toBeInstanceOf(Date);
    expect(await succeededSum(id)).toBe(inv.amountPaidMinor);
    await expect(pay(id, 1_00)).rejects.toThrow(/already paid in full/);
  });

  it("refuses an overpayment with a clear error naming the balance, and records nothing", async () => {
    const client = await createClient();
    const { id } = await issuedInvoice(staff, client.id, [line("Work", 1000, 50_00)]);
    const attempt = pay(id, 50_01);
    await expect(attempt).rejects.toBeInstanceOf(DomainError);
    await expect(attempt).rejects.toThrow("That is more than the balance due of $50.00. Enter $50.00 or less.");
    expect(await getDb().select().from(payments).where(eq(payments.invoiceId, id))).toEqual([]);
  });

  it("refuses payments on drafts and void invoices", async () => {
    const client = await createClient();
    const { id } = await issuedInvoice(staff, client.id);
    const { voidInvoice } = await import("@/lib/invoices/void");
    await voidInvoice(getDb(), { invoiceId: id, reason: "Mistake", actor: staff });
    await expect(pay(id, 1_00)).rejects.toThrow(/void/);
  });

  it("returns the first payment for a repeated idempotency key instead of recording twice", async () => {
    const client = await createClient();
    const { id } = await issuedInvoice(staff, client.id, [line("Work", 1000, 100_00)]);
    const k = key();
    const [a, b] = await Promise.all([pay(id, 30_00, { idempotencyKey: k }), pay(id, 30_00, { idempotencyKey: k })]);
    expect(a.paymentId).toBe(b.paymentId);
    expect([a.replayed, b.replayed].sort()).toEqual([false, true]);
    expect((await readInvoice(id)).amountPaidMinor).toBe(30_00);
  });

  it("30 concurrent partial payments never push the sum past the total, and each refusal is a clear error", async () => {
    const client = await createClient();
    const { id } = await issuedInvoice(staff, client.id, [line("Retainer", 1000, 1_000_00)]);
    // 30 × 45.00 = 1,350.00 against a 1,000.00 invoice: some must be refused.
    const results = await Promise.allSettled(Array.from({ length: 30 }, () => pay(id, 45_00)));
    const ok = results.filter((r) => r.status === "fulfilled");
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    const inv = await readInvoice(id);
    expect(inv.amountPaidMinor).toBeLessThanOrEqual(inv.totalMinor);
    expect(inv.amountPaidMinor).toBe(ok.length * 45_00);
    expect(await succeededSum(id)).toBe(inv.amountPaidMinor);
    expect(ok.length).toBe(22);
    expect(refused).toHaveLength(8);
    for (const r of refused) {
      expect(r.reason).toBeInstanceOf(DomainError);
      expect((r.reason as Error).message).toMatch(/^That is more than the balance due of \$10\.00\. Enter \$10\.00 or less\.$|^This invoice is already paid in full\.$/);
    }
    expect(inv.status).toBe("partially_paid");
    // The 10.00 left is below the 5.00 minimum? No: the minimum applies to clients only; staff settle it.
    await pay(id, 10_00);
    expect(await readInvoice(id)).toMatchObject({ status: "paid", amountPaidMinor: 1_000_00 });
  });

  it("applies the minimum payment to clients, except for the whole balance, and scopes them to their invoices", async () => {
    const client = await createClient();
    const other = await createClient();
    const { id } = await issuedInvoice(staff, client.id, [line("Work", 1000, 20_00)]);
    const clientUser = await createUser({ role: "client" });
    const asClient: Actor = { id: clientUser.id, role: "client" };
    await expect(pay(id, 4_99, { actor: asClient, clientScope: client.id })).rejects.toThrow(/smallest payment is \$5\.00/);
    await expect(pay(id, 20_00, { actor: asClient, clientScope: other.id })).rejects.toBeInstanceOf(NotFoundError);
    const res = await pay(id, 15_00, { actor: asClient, clientScope: client.id, method: "card" });
    expect(res.invoiceStatus).toBe("partially_paid");
    // 5.00 left: exactly the balance, so allowed although it's at the minimum edge.
    await pay(id, 5_00, { actor: asClient, clientScope: client.id, method: "card" });
    const rows = await getDb().select().from(payments).where(eq(payments.invoiceId, id));
    expect(rows.every((p) => p.recordedBy === null)).toBe(true);
  });
});

describe("pending, confirm, reject and refund", () => {
  it("a declared transfer counts only once confirmed; confirming past the balance is refused", async () => {
    const client = await createClient();
    const { id } = await issuedInvoice(staff, client.id, [line("Work", 1000, 100_00)]);
    const pending = await pay(id, 70_00, { status: "pending" });
    expect((await readInvoice(id)).amountPaidMinor).toBe(0);
    const another = await pay(id, 50_00, { status: "pending" });
    const confirmed = await confirmPayment(getDb(), { paymentId: pending.paymentId, actor: staff });
    expect(confirmed).toMatchObject({ status: "succeeded", amountPaidMinor: 70_00, invoiceStatus: "partially_paid" });
    await expect(confirmPayment(getDb(), { paymentId: another.paymentId, actor: staff })).rejects.toThrow(/more than the balance due of \$30\.00.*Reject this pending payment instead/);
    await rejectPayment(getDb(), { paymentId: another.paymentId, reason: "Never arrived", actor: staff });
    const [row] = await getDb().select().from(payments).where(eq(payments.id, another.paymentId));
    expect(row).toMatchObject({ status: "failed", failureReason: "Never arrived" });
    await expect(confirmPayment(getDb(), { paymentId: pending.paymentId, actor: staff })).rejects.toThrow(/not pending/);
  });

  it("a refund takes the amount back off and the status follows", async () => {
    const client = await createClient();
    const { id } = await issuedInvoice(staff, client.id, [line("Work", 1000, 80_00)]);
    const a = await pay(id, 30_00);
    const b = await pay(id, 50_00);
    expect((await readInvoice(id)).status).toBe("paid");
    await refundPayment(getDb(), { paymentId: b.paymentId, actor: staff, reason: "Duplicate charge" });
    expect(await readInvoice(id)).toMatchObject({ status: "partially_paid", amountPaidMinor: 30_00, paidAt: null });
    await refundPayment(getDb(), { paymentId: a.paymentId, actor: staff });
    expect(await readInvoice(id)).toMatchObject({ status: "sent", amountPaidMinor: 0 });
    await expect(refundPayment(getDb(), { paymentId: a.paymentId, actor: staff })).rejects.toThrow(/Only a succeeded payment/);
    const audit = await getDb()
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.entityType, "payment"), eq(auditLog.entityId, b.paymentId)));
    expect(audit.map((r) => r.action)).toEqual(["payment.record", "payment.refund"]);
  });
});

describe("receipts", () => {
  it("queues an email receipt with the receipt PDF, and an SMS only when the client opted in", async () => {
    const quiet = await createClient({ phone: "+14155550100", smsOptIn: false });
    const chatty = await createClient({ phone: "+14155550101", smsOptIn: true });
    const a = await issuedInvoice(staff, quiet.id, [line("Work", 1000, 10_00)]);
    const b = await issuedInvoice(staff, chatty.id, [line("Work", 1000, 10_00)]);
    const pa = await pay(a.id, 10_00);
    const pb = await pay(b.id, 4_00);
    const pending = await pay(b.id, 2_00, { status: "pending" });
    const rows = await getDb().select().from(outbox).where(eq(outbox.template, "payment_receipt"));
    const byKey = Object.fromEntries(rows.map((r) => [r.idempotencyKey, r]));
    expect(byKey[`receipt:${pa.paymentId}:email`]).toMatchObject({ channel: "email", relatedType: "invoice", relatedId: a.id, attachments: [{ kind: "receipt_pdf", paymentId: pa.paymentId }] });
    expect(byKey[`receipt:${pa.paymentId}:sms`]).toBeUndefined();
    expect(byKey[`receipt:${pb.paymentId}:email`]).toBeDefined();
    expect(byKey[`receipt:${pb.paymentId}:sms`]).toMatchObject({ channel: "sms", to: ["+14155550101"] });
    // Nothing for a pending payment until it is confirmed.
    expect(byKey[`receipt:${pending.paymentId}:email`]).toBeUndefined();
    await confirmPayment(getDb(), { paymentId: pending.paymentId, actor: staff });
    const after = await getDb()
      .select()
      .from(outbox)
      .where(eq(outbox.idempotencyKey, `receipt:${pending.paymentId}:email`));
    expect(after).toHaveLength(1);
  });
});

describe("the dashboard rollups", () => {
  it("moved with every change above, in the same transactions", async () => {
    expect(await invoiceRollupDrift()).toEqual([]);
  });
});
