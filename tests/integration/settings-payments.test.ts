import { count, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { getInvoiceDocument } from "@/db/queries/invoice-document";
import { readSettings } from "@/db/queries/settings";
import { auditLog } from "@/db/schema";
import { payInvoice } from "@/lib/actions/portal/pay-invoice";
import { updateSettings } from "@/lib/actions/settings/update-settings";
import { form } from "../support/actions";
import { resetDatabase } from "../support/db";
import { createUser } from "../support/factories";
import { ensureSettings } from "../support/invoices";
import { payForm, portalClientWithInvoice } from "../support/portal";
import { actAs } from "../support/request-context";

// The admin edits the part-payment floor and the bank/cash instructions in
// settings; the portal's pay flow and invoice document read them from there.

const BANK = "Pay to IBAN GB00 TEST 0000 0000 0000 00.\r\nReference: your invoice number.";
const CASH = "Cash at the front desk, 9am to 5pm.";

const settingsForm = (overrides: Record<string, string> = {}) =>
  form({
    companyName: "Acme Testing Co",
    companyAddress: "1 Test Street",
    defaultCurrency: "USD",
    locale: "en-US",
    timeZone: "UTC",
    taxRate: "0",
    invoicePrefix: "INV",
    dueDays: "14",
    senderName: "Acme Billing",
    minPayment: "7.50",
    bankInstructions: BANK,
    cashInstructions: CASH,
    ...overrides,
  });

const settingsAudits = async () => (await getDb().select({ n: count() }).from(auditLog).where(eq(auditLog.action, "settings.update")))[0]!.n;
const settingsRow = async () => {
  const { updatedAt: _updatedAt, ...row } = await readSettings(getDb());
  return row;
};

let admin: Awaited<ReturnType<typeof createUser>>;

beforeAll(async () => {
  await resetDatabase();
  await ensureSettings({ taxRateBp: 0, minPaymentMinor: 100, bankInstructions: null, cashInstructions: null });
  admin = await createUser({ role: "admin" });
});

describe("payment settings", () => {
  it("an admin saves the smallest part payment and the instructions; the portal then uses them", async () => {
    await actAs(admin);
    expect(await updateSettings(undefined, settingsForm())).toMatchObject({ ok: true, formError: null });
    const saved = await readSettings(getDb());
    expect(saved).toMatchObject({ minPaymentMinor: 750, bankInstructions: BANK.replace("\r\n", "\n"), cashInstructions: CASH });

    const [audit] = await getDb().select().from(auditLog).where(eq(auditLog.action, "settings.update")).orderBy(auditLog.id);
    expect(audit).toMatchObject({ actorUserId: admin.id, actorRole: "admin", entityType: "settings", entityId: 1 });
    expect(audit!.before).toMatchObject({ minPaymentMinor: 100, bankInstructions: null, cashInstructions: null });
    expect(audit!.after).toMatchObject({ minPaymentMinor: 750, bankInstructions: saved.bankInstructions, cashInstructions: CASH });

    // The portal invoice page: the invoice document's instructions and the pay flow.
    const { user, invoiceId } = await portalClientWithInvoice(10_000);
    expect((await getInvoiceDocument(invoiceId))!.instructions).toEqual({ bank: saved.bankInstructions, cash: CASH });
    await actAs(user);
    expect(await payInvoice(undefined, payForm(invoiceId, "7.49"))).toMatchObject({ ok: false, fieldErrors: { amount: ["At least $7.50"] } });
    expect(await payInvoice(undefined, payForm(invoiceId, "20.00", { method: "bank_transfer", cardNumber: "" }))).toMatchObject({
      ok: true,
      data: { outcome: "pending", instructions: saved.bankInstructions },
    });
    expect(await payInvoice(undefined, payForm(invoiceId, "7.50", { method: "cash", cardNumber: "" }))).toMatchObject({ ok: true, data: { outcome: "pending", instructions: CASH } });
  });

  it("clearing an instruction stores nothing, so the portal falls back to its generic text", async () => {
    await actAs(admin);
    expect(await updateSettings(undefined, settingsForm({ cashInstructions: "   " }))).toMatchObject({ ok: true });
    expect(await readSettings(getDb())).toMatchObject({ cashInstructions: null, minPaymentMinor: 750 });
    expect(await updateSettings(undefined, settingsForm())).toMatchObject({ ok: true });
  });

  it.each([
    ["zero", { minPayment: "0" }, "minPayment", "Enter an amount above zero, like 5.00"],
    ["zero with decimals", { minPayment: "0.00" }, "minPayment", "Enter an amount above zero, like 5.00"],
    ["negative", { minPayment: "-5" }, "minPayment", "Enter an amount above zero, like 5.00"],
    ["not a number", { minPayment: "five" }, "minPayment", "Enter an amount, like 120.00"],
    ["empty", { minPayment: "" }, "minPayment", "Enter an amount, like 120.00"],
    ["too many decimals", { minPayment: "1.234" }, "minPayment", "Use at most 2 decimal places"],
    ["absurdly large", { minPayment: "100000.01" }, "minPayment", "Use at most $100,000.00"],
    ["decimals in a zero-decimal currency", { defaultCurrency: "JPY", minPayment: "5.50" }, "minPayment", "This currency has no decimal places"],
    ["bank instructions too long", { bankInstructions: "x".repeat(1001) }, "bankInstructions", "Bank transfer instructions can be at most 1000 characters"],
    ["cash instructions too long", { cashInstructions: "y".repeat(1001) }, "cashInstructions", "Cash instructions can be at most 1000 characters"],
  ])("refuses %s with a field error and changes nothing", async (_name, overrides, field, message) => {
    await actAs(admin);
    const [before, audits] = [await settingsRow(), await settingsAudits()];
    const result = await updateSettings(undefined, settingsForm({ companyName: "Should Not Save", ...overrides }));
    expect(result).toMatchObject({ ok: false, fieldErrors: { [field]: [message] } });
    expect(await settingsRow()).toEqual(before);
    expect(await settingsAudits()).toBe(audits);
  });

  it("counts a line break as one character, however the browser posts it", async () => {
    await actAs(admin);
    const text = `${"a".repeat(499)}\r\n${"b".repeat(500)}`;
    expect(await updateSettings(undefined, settingsForm({ bankInstructions: text }))).toMatchObject({ ok: true });
    expect((await readSettings(getDb())).bankInstructions).toBe(text.replace("\r\n", "\n"));
    expect(await updateSettings(undefined, settingsForm())).toMatchObject({ ok: true });
  });

  it("saving the form unchanged, with the CRLF line breaks a browser posts, changes nothing and writes no audit entry", async () => {
    await actAs(admin);
    expect(await updateSettings(undefined, settingsForm({ companyAddress: "1 Test Street\nSpringfield" }))).toMatchObject({ ok: true });
    const [before, audits] = [await settingsRow(), await settingsAudits()];
    expect(await updateSettings(undefined, settingsForm({ companyAddress: "1 Test Street\r\nSpringfield" }))).toMatchObject({ ok: true });
    expect(await settingsRow()).toEqual(before);
    expect(await settingsAudits()).toBe(audits);
  });

  it.each(["staff", "client"] as const)("a %s cannot save settings", async (role) => {
    await actAs(await createUser({ role }));
    const [before, audits] = [await settingsRow(), await settingsAudits()];
    expect(await updateSettings(undefined, settingsForm({ minPayment: "1.00", bankInstructions: "Hijacked" }))).toMatchObject({ ok: false, fieldErrors: {} });
    expect(await settingsRow()).toEqual(before);
    expect(await settingsAudits()).toBe(audits);
  });
});
