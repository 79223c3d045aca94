import { and, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { auditLog, clients, invoices, settings, subscriptions } from "@/db/schema";
import { balancesFor, listClients } from "@/db/queries/clients";
import { getClientOption } from "@/db/queries/invoices";
import { getClientOverview } from "@/db/queries/portal";
import { listPortalServices } from "@/db/queries/portal-services";
import { listUnpaidClients } from "@/db/queries/unpaid";
import { createClient } from "@/lib/actions/clients/create-client";
import { importClients } from "@/lib/actions/clients/import-clients";
import { previewClientImport } from "@/lib/actions/clients/preview-client-import";
import { updateClient } from "@/lib/actions/clients/update-client";
import { payInvoice } from "@/lib/actions/portal/pay-invoice";
import { subscribeToService } from "@/lib/actions/portal/subscribe-to-service";
import { SYSTEM_ACTOR } from "@/lib/audit";
import { hashPassword } from "@/lib/auth/password";
import { nthPeriod } from "@/lib/billing/periods";
import { runBilling } from "@/lib/billing/run";
import { readBusinessToday } from "@/lib/business-time";
import { completeSignup } from "@/lib/signup/complete";
import { sealSignup } from "@/lib/signup/token";
import { CURRENCY_ERROR } from "@/lib/validation/currency";
import { parseClientListParams } from "@/lib/validation/clients";
import { form, redirectOf } from "../support/actions";
import { databaseChecksum, insertClient, insertInvoice } from "../support/backoffice";
import { resetDatabase } from "../support/db";
import { createClientUser, createUser } from "../support/factories";
import { ensureSettings, issuedInvoice, line } from "../support/invoices";
import { createService, newKey, payForm } from "../support/portal";
import { actAs } from "../support/request-context";

// A billing currency per client (issue 12): set on the client, used by new
// invoices and subscriptions, carried by import and export; and amounts in
// different currencies are never added, compared or mixed anywhere.

const TODAY = "2026-06-15";
const get = (url: string) => new Request(`http://localhost:3000${url}`);
const setBusinessCurrency = (defaultCurrency: string) => getDb().update(settings).set({ defaultCurrency }).where(eq(settings.id, 1));
const clientRow = async (id: number) => (await getDb().select().from(clients).where(eq(clients.id, id)))[0]!;

let staff: Awaited<ReturnType<typeof createUser>>;
let admin: Awaited<ReturnType<typeof createUser>>;

beforeAll(async () => {
  await resetDatabase();
  await ensureSettings({ taxRateBp: 0, minPaymentMinor: 500 });
  staff = await createUser({ role: "staff" });
  admin = await createUser({ role: "admin" });
});

afterEach(async () => {
  await setBusinessCurrency("USD");
});

describe("a client's billing currency", () => {
  it("is set when the client is created, audited, and a made-up code is a field error that writes nothing", async () => {
    await actAs(staff);
    const created = await createClient(undefined, form({ name: "Yuki Tanaka", email: "yuki@tanaka.example", currency: "JPY" }));
    expect(created.ok).toBe(true);
    expect(await clientRow(created.data!.id)).toMatchObject({ name: "Yuki Tanaka", currency: "JPY" });
    const [audit] = await getDb()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityType, "client"), eq(auditLog.entityId, created.data!.id)));
    expect(audit).toMatchObject({ action: "client.create", after: expect.objectContaining({ currency: "JPY" }) });

    const before = await databaseChecksum();
    for (const currency of ["XYZ", "YEN", ""]) {
      expect(await createClient(undefined, form({ name: "Nobody", currency }))).toMatchObject({ ok: false, fieldErrors: { currency: [CURRENCY_ERROR] } });
    }
    expect(await databaseChecksum()).toBe(before);
  });

  it("is the business's when a new client is saved without one, and stays as it was when an edit leaves it out", async () => {
    await setBusinessCurrency("INR");
    await actAs(staff);
    const created = await createClient(undefined, form({ name: "Ravi Default" }));
    expect(await clientRow(created.data!.id)).toMatchObject({ currency: "INR" });
    await setBusinessCurrency("USD");
    expect((await updateClient(undefined, form({ id: String(created.data!.id), name: "Ravi Renamed" }))).ok).toBe(true);
    expect(await clientRow(created.data!.id)).toMatchObject({ name: "Ravi Renamed", currency: "INR" });
  });

  it("changes for new invoices only: existing invoices keep theirs, the change is audited, and the editor defaults to the new one", async () => {
    await actAs(staff);
    const client = await insertClient({ name: "Moving Abroad Ltd" });
    const old = await insertInvoice(client.id, { totalMinor: 25_00 });
    const update = await updateClient(undefined, form({ id: String(client.id), name: "Moving Abroad Ltd", email: client.email!, currency: "EUR" }));
    expect(update.ok).toBe(true);
    expect(await clientRow(client.id)).toMatchObject({ currency: "EUR" });
    const [invoice] = await getDb().select().from(invoices).where(eq(invoices.id, old.id));
    expect(invoice).toMatchObject({ currency: "USD", totalMinor: 25_00 });
    const [audit] = await getDb()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "client.update"), eq(auditLog.entityId, client.id)));
    expect(audit).toMatchObject({ before: { currency: "USD" }, after: { currency: "EUR" } });

    // The editor's default for a new invoice: the page reads the client (?client=) and the picker's API lists it.
    expect(await getClientOption(client.id)).toMatchObject({ id: client.id, currency: "EUR" });
    const options = await import("@/app/api/invoices/client-options/route");
    const body = (await (await options.GET(get("/api/invoices/client-options?q=Moving"))).json()) as { clients: { id: number; currency: string }[] };
    expect(body.clients).toEqual([expect.objectContaining({ id: client.id, currency: "EUR" })]);
  });

  it("is the business's for a client who signs up", async () => {
    await setBusinessCurrency("ZAR");
    const password = "Sunny-Harbour-42";
    const { token } = sealSignup({ name: "Thandi Signup", email: "thandi@signup.example", phone: "+27821234567", passwordHash: await hashPassword(password), twoFactor: "none", smsOptIn: false });
    const { clientId } = await completeSignup(getDb(), token, password, "198.18.1.1");
    expect(await clientRow(clientId)).toMatchObject({ currency: "ZAR" });
  });

  it("comes from an imported file's currency column, in any letter case, or is the business's; a bad code is that row's error", async () => {
    await setBusinessCurrency("EUR");
    await actAs(admin);
    const csv = ["name,email,currency", "Ingrid Import,ingrid@import.example,sek", "Pierre Import,pierre@import.example,", "Bad Import,bad@import.example,EURO"].join("\r\n");
    const preview = await previewClientImport(undefined, form({ csv }));
    expect(preview.data!.rows.map((r) => [r.line, r.errors])).toEqual([
      [2, []],
      [3, []],
      [4, [`Currency: ${CURRENCY_ERROR}`]],
    ]);
    expect(await importClients(undefined, form({ csv }))).toMatchObject({ ok: true, data: { imported: 2, skipped: 1 } });
    const imported = await getDb().select({ name: clients.name, currency: clients.currency }).from(clients).where(eq(clients.email, "ingrid@import.example"));
    const fallback = await getDb().select({ name: clients.name, currency: clients.currency }).from(clients).where(eq(clients.email, "pierre@import.example"));
    expect([...imported, ...fallback]).toEqual([
      { name: "Ingrid Import", currency: "SEK" },
      { name: "Pierre Import", currency: "EUR" },
    ]);
  });
});

describe("subscriptions in the client's currency", () => {
  it("offers a client only services priced in its currency, bills them in it, and refuses another currency with a clear message", async () => {
    const { user, clientId } = await createClientUser("Émile Euro");
    await getDb().update(clients).set({ currency: "EUR" }).where(eq(clients.id, clientId));
    const inEuros = await createService({ name: "Entretien mensuel", priceMinor: 49_00, currency: "EUR" });
    const inDollars = await createService({ name: "Monthly care", priceMinor: 59_00, currency: "USD" });

    expect((await listPortalServices(clientId, 1)).rows.map((s) => [s.id, s.currency])).toEqual([[inEuros, "EUR"]]);

    await actAs(user);
    const before = await databaseChecksum();
    expect(await subscribeToService(undefined, form({ serviceId: String(inDollars), paymentMethod: "bank_transfer", idempotencyKey: newKey() }))).toMatchObject({
      ok: false,
      formError: "Monthly care is priced in USD, and your account is billed in EUR. Contact us if you'd like it in EUR.",
    });
    expect(await databaseChecksum()).toBe(before);

    await redirectOf(subscribeToService(undefined, form({ serviceId: String(inEuros), paymentMethod: "bank_transfer", idempotencyKey: newKey() })));
    const [sub] = await getDb().select().from(subscriptions).where(eq(subscriptions.clientId, clientId));
    expect(sub).toMatchObject({ serviceId: inEuros, priceMinor: 49_00, currency: "EUR" });

    // The next period's invoice, from the billing run, is in euros too.
    const next = nthPeriod(await readBusinessToday(getDb()), "monthly", 1).start;
    await runBilling(getDb(), { actor: SYSTEM_ACTOR, today: next });
    const billed = await getDb().select({ currency: invoices.currency, totalMinor: invoices.totalMinor, periodStart: invoices.periodStart }).from(invoices).where(eq(invoices.subscriptionId, sub!.id));
    expect(billed).toHaveLength(2);
    expect(billed.every((i) => i.currency === "EUR" && i.totalMinor === 49_00)).toBe(true);
  });
});

describe("amounts in different currencies are never added", () => {
  let mixed: number;
  let usdSmall: number;
  let usdLarge: number;
  let yen: number;

  beforeAll(async () => {
    // In minor units the yen balance is the largest number here, and the mixed client's sum larger still.
    usdSmall = (await insertClient({ name: "Cur Small Dollars" })).id;
    await insertInvoice(usdSmall, { totalMinor: 50_00, dueDate: "2026-06-01" });
    usdLarge = (await insertClient({ name: "Cur Large Dollars" })).id;
    await insertInvoice(usdLarge, { totalMinor: 500_00, dueDate: "2026-06-01" });
    yen = (await insertClient({ name: "Cur Only Yen", currency: "JPY" })).id;
    await insertInvoice(yen, { totalMinor: 100_000, currency: "JPY", dueDate: "2026-06-01" });
    mixed = (await insertClient({ name: "Cur Dollars And Yen" })).id;
    await insertInvoice(mixed, { totalMinor: 10_00, dueDate: "2026-06-01" });
    await insertInvoice(mixed, { totalMinor: 900_000, currency: "JPY", dueDate: "2026-07-01" });
    await insertInvoice(mixed, { totalMinor: 5_00, currency: "JPY", dueDate: "2026-05-01", status: "paid", paidMinor: 5_00 });
  });

  it("gives a client who owes in two currencies one balance per currency", async () => {
    expect((await balancesFor([mixed], TODAY)).get(mixed)).toEqual([
      { currency: "JPY", minor: 900_000, oldestDue: "2026-07-01", overdue: false },
      { currency: "USD", minor: 10_00, oldestDue: "2026-06-01", overdue: true },
    ]);
    const row = (await listClients(parseClientListParams({ q: "Cur Dollars And" }), TODAY)).rows[0]!;
    expect(row.balances.map((b) => [b.currency, b.minor])).toEqual([
      ["JPY", 900_000],
      ["USD", 10_00],
    ]);
  });

  it("sorts clients by balance within a currency, the business's first, never by a sum across them", async () => {
    const order = async (sort: string) => (await listClients(parseClientListParams({ sort, filter: "balance", q: "Cur " }), TODAY)).rows.map((r) => r.name);
    expect(await order("-balance")).toEqual(["Cur Large Dollars", "Cur Small Dollars", "Cur Dollars And Yen", "Cur Only Yen"]);
    expect(await order("balance")).toEqual(["Cur Dollars And Yen", "Cur Small Dollars", "Cur Large Dollars", "Cur Only Yen"]);
    await setBusinessCurrency("JPY");
    expect(await order("-balance")).toEqual(["Cur Dollars And Yen", "Cur Only Yen", "Cur Large Dollars", "Cur Small Dollars"]);
  });

  it("lists unpaid clients with a balance per currency, largest first within each currency", async () => {
    const unpaid = await listUnpaidClients({ overdueOnly: false, sort: "-balance", page: 1 }, TODAY);
    const ours = unpaid.rows.filter((r) => r.name.startsWith("Cur "));
    expect(ours.map((r) => [r.name, r.balances.map((b) => `${b.currency} ${b.minor}`)])).toEqual([
      ["Cur Large Dollars", ["USD 50000"]],
      ["Cur Small Dollars", ["USD 5000"]],
      ["Cur Dollars And Yen", ["JPY 900000", "USD 1000"]],
      ["Cur Only Yen", ["JPY 100000"]],
    ]);
    expect(ours.find((r) => r.name === "Cur Dollars And Yen")).toMatchObject({ openInvoices: 2, oldestDue: "2026-06-01" });
  });

  it("shows the portal client what it owes per currency", async () => {
    const overview = await getClientOverview(mixed);
    expect(overview.outstanding).toEqual([
      { currency: "JPY", minor: 900_000 },
      { currency: "USD", minor: 10_00 },
    ]);
    expect(overview.currency).toBe("USD");
  });

  it("exports each client's billing currency, and each balance on its own line in its own currency", async () => {
    await actAs(staff);
    const route = await import("@/app/api/clients/export/route");
    const csv = await (await route.GET(get("/api/clients/export?filter=balance"))).text();
    const lines = csv.trim().split("\r\n");
    expect(lines[0]).toBe("id,name,company,email,phone,address,sms_opt_in,currency,archived,created,balance,balance_currency");
    const of = (name: string) =>
      lines
        .filter((l) => l.includes(`,${name},`))
        .map((l) =>
          l
            .split(",")
            .slice(7)
            .filter((_, i) => i !== 1 && i !== 2),
        );
    expect(of("Cur Dollars And Yen")).toEqual([
      ["USD", "900000", "JPY"],
      ["USD", "10.00", "USD"],
    ]);
    expect(of("Cur Only Yen")).toEqual([["JPY", "100000", "JPY"]]);
  });

  it("exports invoices each in its own currency's digits", async () => {
    await actAs(staff);
    const kwdClient = (await insertClient({ name: "Kuwait Trading", currency: "KWD" })).id;
    await issuedInvoice({ id: staff.id, role: "staff" }, kwdClient, [line("Audit", 1_000, 1_500)], { currency: "KWD" });
    const route = await import("@/app/api/invoices/export/route");
    const csv = await (await route.GET(get("/api/invoices/export"))).text();
    const rows = csv
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n")
      .map((l) => l.split(","));
    const header = rows[0]!;
    const pick = (r: string[]) => [r[header.indexOf("Client")], r[header.indexOf("Currency")], r[header.indexOf("Total")]];
    expect(rows.slice(1).map(pick)).toEqual(
      expect.arrayContaining([
        ["Cur Only Yen", "JPY", "100000"],
        ["Kuwait Trading", "KWD", "1.500"],
        ["Cur Large Dollars", "USD", "500.00"],
      ]),
    );
  });

  it("holds a client's part payment to the minimum only on invoices in the business's currency, where it was set", async () => {
    const { user, clientId } = await createClientUser("Part Payer");
    const usd = await issuedInvoice({ id: staff.id, role: "staff" }, clientId, [line("Retainer", 1_000, 100_00)]);
    const kwd = await issuedInvoice({ id: staff.id, role: "staff" }, clientId, [line("Retainer", 1_000, 100_000)], { currency: "KWD" });
    await actAs(user);
    // The minimum is $5.00; read as KWD it would be 0.500.
    expect(await payInvoice(undefined, payForm(usd.id, "1.00"))).toMatchObject({ ok: false, fieldErrors: { amount: ["At least $5.00"] } });
    expect(await payInvoice(undefined, payForm(kwd.id, "0.100"))).toMatchObject({ ok: true, data: { outcome: "succeeded", amountMinor: 100, balanceMinor: 99_900 } });
  });
});
