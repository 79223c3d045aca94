import { and, count, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { readSettings, timeZoneEverSaved } from "@/db/queries/settings";
import { auditLog, invoices, payments } from "@/db/schema";
import { recordPayment } from "@/lib/actions/payments/record-payment";
import { createService } from "@/lib/actions/services/create-service";
import { updateSettings } from "@/lib/actions/settings/update-settings";
import { DENIED } from "@/lib/actions/define-action";
import { resetDatabase } from "../support/db";
import { createUser } from "../support/factories";
import { createClient, ensureSettings, issuedInvoice, line } from "../support/invoices";
import { actAs } from "../support/request-context";

// Admins set the business locale, time zone and default currency; each save
// is audited with before and after, bad values are refused field by field,
// and from then on every amount typed anywhere is read in the new locale.

const settingsInput = (overrides: Record<string, unknown> = {}) => ({
  companyName: "Acme Testing Co",
  companyAddress: "1 Test Street",
  defaultCurrency: "USD",
  locale: "en-US",
  timeZone: "UTC",
  taxRate: "0",
  invoicePrefix: "INV",
  dueDays: "14",
  senderName: "Acme Billing",
  minPayment: "1.00",
  bankInstructions: "",
  cashInstructions: "",
  ...overrides,
});

const audits = async () => getDb().select().from(auditLog).where(eq(auditLog.action, "settings.update")).orderBy(auditLog.id);
const region = async () => {
  const s = await readSettings(getDb());
  return { locale: s.locale, timeZone: s.timeZone, defaultCurrency: s.defaultCurrency, minPaymentMinor: s.minPaymentMinor, taxRateBp: s.taxRateBp };
};

let admin: Awaited<ReturnType<typeof createUser>>;
let staff: Awaited<ReturnType<typeof createUser>>;

beforeAll(async () => {
  await resetDatabase();
  await ensureSettings({ taxRateBp: 0, minPaymentMinor: 100 });
  admin = await createUser({ role: "admin" });
  staff = await createUser({ role: "staff" });
});

describe("business locale, time zone and currency in settings", () => {
  it("refuses what isn't a listed locale or a known zone, one value each, and changes nothing", async () => {
    await actAs(admin);
    const refusals: [Record<string, unknown>, string, string][] = [
      [{ locale: "de-de" }, "locale", "Pick a locale from the list"],
      [{ locale: "de" }, "locale", "Pick a locale from the list"],
      [{ locale: "xx-YY" }, "locale", "Pick a locale from the list"],
      [{ locale: ["de-DE", "en-US"] }, "locale", "Pick a locale from the list"],
      [{ locale: "" }, "locale", "Pick a locale from the list"],
      [{ timeZone: "Mars/Olympus_Mons" }, "timeZone", "Pick a time zone from the list, like Europe/Berlin"],
      // An alias Intl accepts but doesn't list: stored zones are canonical.
      [{ timeZone: "US/Eastern" }, "timeZone", "Pick a time zone from the list, like Europe/Berlin"],
      [{ timeZone: ["Europe/Berlin"] }, "timeZone", "Pick a time zone from the list, like Europe/Berlin"],
      [{ defaultCurrency: "XYZ" }, "defaultCurrency", "Choose a currency: an ISO 4217 code, like EUR"],
    ];
    const before = await region();
    for (const [overrides, field, message] of refusals) {
      const result = await updateSettings(undefined, settingsInput(overrides));
      expect({ overrides, result }).toMatchObject({ overrides, result: { ok: false, fieldErrors: { [field]: [message] } } });
    }
    expect(await region()).toEqual(before);
    expect(await audits()).toHaveLength(0);
    expect(await timeZoneEverSaved()).toBe(false);
  });

  it("refuses staff: only admins change settings", async () => {
    await actAs(staff);
    expect(await updateSettings(undefined, settingsInput({ locale: "de-DE", timeZone: "Europe/Berlin" }))).toEqual({ ok: false, fieldErrors: {}, formError: DENIED });
    expect(await region()).toMatchObject({ locale: "en-US", timeZone: "UTC" });
    expect(await audits()).toHaveLength(0);
  });

  it("an admin saves de-DE, Europe/Berlin and EUR, audited with before and after", async () => {
    await actAs(admin);
    // Amounts on the form are read in the locale it was shown in: en-US until this save.
    const saved = await updateSettings(undefined, settingsInput({ locale: "de-DE", timeZone: "Europe/Berlin", defaultCurrency: "EUR", minPayment: "7.50", taxRate: "19" }));
    expect(saved).toMatchObject({ ok: true, formError: null });
    expect(await region()).toEqual({ locale: "de-DE", timeZone: "Europe/Berlin", defaultCurrency: "EUR", minPaymentMinor: 750, taxRateBp: 1900 });
    const [audit, ...more] = await audits();
    expect(more).toHaveLength(0);
    expect(audit).toMatchObject({ actorUserId: admin.id, actorRole: "admin", entityType: "settings", entityId: 1 });
    expect(audit!.before).toMatchObject({ locale: "en-US", timeZone: "UTC", defaultCurrency: "USD" });
    expect(audit!.after).toMatchObject({ locale: "de-DE", timeZone: "Europe/Berlin", defaultCurrency: "EUR" });
    // From now on the settings page stops suggesting the admin's browser zone.
    expect(await timeZoneEverSaved()).toBe(true);
  });

  it("then reads the settings form's amounts and rates in de-DE", async () => {
    await actAs(admin);
    const base = { locale: "de-DE", timeZone: "Europe/Berlin", defaultCurrency: "EUR" };
    expect(await updateSettings(undefined, settingsInput({ ...base, minPayment: "7.50" }))).toMatchObject({ ok: false, fieldErrors: { minPayment: ["Enter the amount like 1.234,50"] } });
    expect(await updateSettings(undefined, settingsInput({ ...base, taxRate: "12.5" }))).toMatchObject({ ok: false, fieldErrors: { taxRate: ["Enter a rate like 8 or 12,5"] } });
    expect(await updateSettings(undefined, settingsInput({ ...base, minPayment: "1.234,50", taxRate: "12,5" }))).toMatchObject({ ok: true });
    expect(await region()).toMatchObject({ minPaymentMinor: 123450, taxRateBp: 1250 });
  });

  it("and every other form too: a service price, a recorded payment", async () => {
    await actAs(staff);
    const service = { name: "Beratung", description: "", currency: "EUR", interval: "monthly", active: false };
    expect(await createService(undefined, { ...service, price: "1,234.50" })).toMatchObject({ ok: false, fieldErrors: { price: ["Enter the amount like 1.234,50"] } });
    const created = await createService(undefined, { ...service, price: "1.234,50" });
    expect(created).toMatchObject({ ok: true });

    const client = await createClient({ name: "Müller GmbH" });
    const { id: invoiceId } = await issuedInvoice({ id: staff.id, role: "staff" }, client.id, [line("Beratung", 1000, 123450)], { currency: "EUR" });
    const pay = (amount: string, key: string) =>
      recordPayment(undefined, { invoiceId, amount, method: "bank_transfer", reference: "", receivedOn: "2026-03-01", idempotencyKey: `locale-test-${key}` });
    expect(await pay("12.50", "de-1")).toMatchObject({ ok: false, fieldErrors: { amount: ["Enter the amount like 1.234,50"] } });
    expect(await pay("12,50", "de-2")).toMatchObject({ ok: true, data: { amountMinor: 1250 } });
    // A refusal's amounts are written in de-DE too.
    expect(await pay("5.000,00", "de-3")).toMatchObject({ ok: false, fieldErrors: { amount: ["At most 1.222,00\u00a0€"] } });
    const [row] = await getDb()
      .select({ n: count() })
      .from(payments)
      .where(and(eq(payments.invoiceId, invoiceId), eq(payments.status, "succeeded")));
    expect(row!.n).toBe(1);
    expect((await getDb().select({ paid: invoices.amountPaidMinor }).from(invoices).where(eq(invoices.id, invoiceId)))[0]!.paid).toBe(1250);
  });
});
