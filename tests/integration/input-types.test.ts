import { eq } from "drizzle-orm";
import { getDb } from "@/db";
import { subscriptions } from "@/db/schema";
import { createClient as createClientAction } from "@/lib/actions/clients/create-client";
import { saveInvoiceDraft } from "@/lib/actions/invoices/save-invoice-draft";
import { recordPayment } from "@/lib/actions/payments/record-payment";
import { cancelSubscription } from "@/lib/actions/portal/cancel-subscription";
import { subscribeToService } from "@/lib/actions/portal/subscribe-to-service";
import { createService as createServiceAction } from "@/lib/actions/services/create-service";
import { updateSettings } from "@/lib/actions/settings/update-settings";
import { getBusinessTime } from "@/lib/business-time";
import { now } from "@/lib/clock";
import { addDaysIso, businessDay } from "@/lib/dates";
import type { FormState } from "@/lib/form-state";
import { form, redirectOf } from "../support/actions";
import { databaseChecksum } from "../support/backoffice";
import { resetDatabase } from "../support/db";
import { createClientUser, createUser } from "../support/factories";
import { createClient, ensureSettings, issuedInvoice, line, readInvoice } from "../support/invoices";
import { createService, newKey } from "../support/portal";
import { actAs } from "../support/request-context";

// Input is refused, never reinterpreted (DESIGN.md rule 13). Each case here
// was reproduced against the app: it was once accepted as something else.
// Each asserts the field error the person sees and that nothing changed.

type Staff = Awaited<ReturnType<typeof createUser>>;
let staff: Staff;
let admin: Staff;
let invoiceId: number;
let clientId: number;
let keySeq = 0;
const key = () => `input-types-${++keySeq}-${Date.now()}`;

beforeAll(async () => {
  await resetDatabase();
  await ensureSettings({ minPaymentMinor: 100 });
  staff = await createUser({ role: "staff" });
  admin = await createUser({ role: "admin" });
  clientId = (await createClient()).id;
  invoiceId = (await issuedInvoice({ id: staff.id, role: "staff" }, clientId, [line("Work", 1000, 100_00)])).id;
});

/** Runs the call and expects it refused with this field error, and the database untouched. */
async function refusedWithoutChange(call: () => Promise<FormState<unknown>>, field: string, message: string | RegExp) {
  const before = await databaseChecksum();
  const state = await call();
  expect(state.ok).toBe(false);
  expect(state.fieldErrors[field]?.[0]).toEqual(typeof message === "string" ? message : expect.stringMatching(message));
  expect(await databaseChecksum()).toBe(before);
  return state;
}

function paymentForm(fields: Record<string, string | string[]>): FormData {
  const data = new FormData();
  const all = { invoiceId: String(invoiceId), amount: "10.00", method: "cash", reference: "", receivedOn: "2026-01-10", idempotencyKey: key(), ...fields };
  for (const [k, v] of Object.entries(all)) for (const one of Array.isArray(v) ? v : [v]) data.append(k, one);
  return data;
}

describe("a staff member recording a payment", () => {
  beforeEach(async () => {
    await actAs(staff);
  });

  it('refuses an amount sent twice (["1","2"], once recorded as $12.00)', async () => {
    await refusedWithoutChange(() => recordPayment(undefined, paymentForm({ amount: ["1", "2"] })), "amount", "Enter an amount, like 120");
  });

  it('refuses "1,50" (once recorded as $150.00) and shows the form it expects', async () => {
    await refusedWithoutChange(() => recordPayment(undefined, paymentForm({ amount: "1,50" })), "amount", "Enter the amount like 1,234.50");
  });

  it("refuses an amount sent as a JSON number", async () => {
    await refusedWithoutChange(() => recordPayment(undefined, { ...Object.fromEntries(paymentForm({}).entries()), amount: 12.5 }), "amount", "Enter an amount, like 120");
  });

  it("refuses a received date that doesn't exist (2024-02-31, once stored as 2 March)", async () => {
    await refusedWithoutChange(() => recordPayment(undefined, paymentForm({ receivedOn: "2024-02-31" })), "receivedOn", "Enter the date it was received");
  });

  it.each([["0x1"], [" 1 "], ["1e0"], ["01"], ["1.0"], ["-1"]])("refuses the invoice id %p", async (invoiceIdText) => {
    await refusedWithoutChange(() => recordPayment(undefined, paymentForm({ invoiceId: invoiceIdText })), "invoiceId", "Missing record");
  });

  it("still records a well-formed amount, grouped or not, with the id as digits or as a JSON number", async () => {
    expect(await recordPayment(undefined, paymentForm({ amount: "1.50", receivedOn: "2024-02-29" }))).toMatchObject({ ok: true });
    expect(await recordPayment(undefined, { ...Object.fromEntries(paymentForm({ amount: "$2.25" }).entries()), invoiceId })).toMatchObject({ ok: true });
    expect(await readInvoice(invoiceId)).toMatchObject({ amountPaidMinor: 375 });
  });

  it("refuses a received date after the business's today, or before 2000, and takes today", async () => {
    const today = businessDay((await getBusinessTime()).timeZone, now());
    await refusedWithoutChange(() => recordPayment(undefined, paymentForm({ receivedOn: addDaysIso(today, 1) })), "receivedOn", "It can't be after today");
    await refusedWithoutChange(() => recordPayment(undefined, paymentForm({ receivedOn: "2040-01-01" })), "receivedOn", "It can't be after today");
    await refusedWithoutChange(() => recordPayment(undefined, paymentForm({ receivedOn: "1969-12-31" })), "receivedOn", "Enter a day from 2000-01-01 on");
    expect(await recordPayment(undefined, paymentForm({ amount: "0.01", receivedOn: today }))).toMatchObject({ ok: true });
  });
});

describe("a client cancelling a subscription", () => {
  let client: Awaited<ReturnType<typeof createClientUser>>;

  beforeAll(async () => {
    client = await createClientUser();
    await actAs(client.user);
    const serviceId = await createService({ name: "Website care" });
    await redirectOf(subscribeToService(undefined, form({ serviceId: String(serviceId), paymentMethod: "bank_transfer", idempotencyKey: newKey() })));
    // The first subscription since the reset is id 1: a value misread as 1 would cancel it.
    const [sub] = await getDb().select().from(subscriptions).where(eq(subscriptions.clientId, client.clientId));
    expect(sub?.id).toBe(1);
  });

  beforeEach(async () => {
    await actAs(client.user);
  });

  it.each([[true], ["0x1"], [" 1 "], ["1e0"], [["1", "1"]], [1.5], [{ id: 1 }], [null]])("refuses subscriptionId %p (true, 0x1 and ' 1 ' were once taken as id 1)", async (subscriptionId) => {
    await refusedWithoutChange(() => cancelSubscription(undefined, { subscriptionId }), "subscriptionId", "Missing record");
    const [sub] = await getDb().select().from(subscriptions).where(eq(subscriptions.id, 1));
    expect(sub).toMatchObject({ status: "active", cancelAtPeriodEnd: false });
  });

  it("cancels it when the id is typed as digits", async () => {
    expect(await cancelSubscription(undefined, form({ subscriptionId: "1" }))).toMatchObject({ ok: true });
    const [sub] = await getDb().select().from(subscriptions).where(eq(subscriptions.id, 1));
    expect(sub).toMatchObject({ cancelAtPeriodEnd: true });
  });
});

describe("saving an invoice draft", () => {
  const payload = (extra: Record<string, unknown> = {}) => ({
    clientId,
    currency: "USD",
    issueDate: "2025-02-01",
    dueDate: "2025-03-15",
    discount: "",
    notes: "",
    lines: [{ serviceId: "", description: "Design", quantity: "1", unitPrice: "100.00", taxRate: "" }],
    ...extra,
  });

  beforeEach(async () => {
    await actAs(staff);
  });

  it("refuses an issue date that doesn't exist (2025-02-31 once failed with a server error)", async () => {
    const state = await refusedWithoutChange(() => saveInvoiceDraft(undefined, payload({ issueDate: "2025-02-31" })), "issueDate", "Enter the issue date");
    expect(state.formError).toBe("Check the highlighted fields.");
  });

  it.each([["2025-13-01"], ["2025-00-10"], ["2025-04-31"], ["2023-02-29"], ["0000-01-01"], [" 2025-02-01"], ["2025-2-1"], ["20250201"], [["2025-02-01", "2025-02-02"]], [20250201]])(
    "refuses the issue date %p",
    async (issueDate) => {
      await refusedWithoutChange(() => saveInvoiceDraft(undefined, payload({ issueDate })), "issueDate", "Enter the issue date");
    },
  );

  it.each([
    [
      "1,5 as a quantity (once read as 15)",
      { lines: [{ serviceId: "", description: "Design", quantity: "1,5", unitPrice: "100.00", taxRate: "" }] },
      "lines.0.quantity",
      "Enter a quantity, like 1 or 2.5",
    ],
    ["12,50 as a price", { lines: [{ serviceId: "", description: "Design", quantity: "1", unitPrice: "12,50", taxRate: "" }] }, "lines.0.unitPrice", "Enter the amount like 1,234.50"],
    ["a price as a JSON number", { lines: [{ serviceId: "", description: "Design", quantity: "1", unitPrice: 100, taxRate: "" }] }, "lines.0.unitPrice", "Enter a price, like 120"],
    ["a service id of true", { lines: [{ serviceId: true, description: "Design", quantity: "1", unitPrice: "100.00", taxRate: "" }] }, "lines.0.serviceId", "Pick a service from the list"],
    ["a client id of true", { clientId: true }, "clientId", "Choose a client"],
    ["a client id in hex", { clientId: "0x1" }, "clientId", "Choose a client"],
    ["a NUL byte in the notes", { notes: "Thanks\u0000" }, "notes", "Remove the hidden control characters from this text"],
    ["notes sent twice", { notes: ["a", "b"] }, "notes", "Notes must be text"],
  ])("refuses %s", async (_what, extra, field, message) => {
    await refusedWithoutChange(() => saveInvoiceDraft(undefined, payload(extra)), field, message);
  });

  it("saves a draft with real dates, including 29 February of a leap year", async () => {
    const state = await saveInvoiceDraft(undefined, payload({ issueDate: "2024-02-29", dueDate: "2024-03-31" }));
    expect(state).toMatchObject({ ok: true });
  });
});

describe("text, checkboxes and numbers in the back office", () => {
  beforeEach(async () => {
    await actAs(staff);
  });

  it.each([
    ["a NUL byte in a name", { name: "Ada\u0000Lovelace" }, "name", "Remove the hidden control characters from this text"],
    ["a line break in a one-line name", { name: "Ada\nLovelace" }, "name", "Remove the hidden control characters from this text"],
    ["a name sent twice", { name: ["Ada", "Bob"] }, "name", "Enter the client's name"],
    ["a name as a number", { name: 42 }, "name", "Enter the client's name"],
    ["an unknown checkbox value", { name: "Ada", smsOptIn: "yes" }, "smsOptIn", "Tick the box or leave it empty"],
    ['a checkbox sent as "true"', { name: "Ada", smsOptIn: "true" }, "smsOptIn", "Tick the box or leave it empty"],
    ["a checkbox sent twice", { name: "Ada", smsOptIn: ["on", "on"] }, "smsOptIn", "Tick the box or leave it empty"],
    ["half a surrogate pair in the notes", { name: "Ada", notes: "broken \ud800 text" }, "notes", "Remove the hidden control characters from this text"],
  ])("refuses a client with %s", async (_what, input, field, message) => {
    await refusedWithoutChange(() => createClientAction(undefined, input), field, message);
  });

  it("still takes a tab and line breaks in a textarea, and a ticked box", async () => {
    expect(await createClientAction(undefined, { name: "Ada Lovelace", notes: "Line one\r\n\tLine two", smsOptIn: "on" })).toMatchObject({ ok: true });
  });

  it("refuses a service price sent as a number or twice", async () => {
    const base = { name: "Audit", description: "", currency: "USD", interval: "monthly" };
    await refusedWithoutChange(() => createServiceAction(undefined, { ...base, price: 49.9 }), "price", "Enter a price, like 120");
    await refusedWithoutChange(() => createServiceAction(undefined, { ...base, price: ["49", "90"] }), "price", "Enter a price, like 120");
    await refusedWithoutChange(() => createServiceAction(undefined, { ...base, price: "49,90" }), "price", "Enter the amount like 1,234.50");
  });

  it.each([["14.5"], [" 14"], ["0x0e"], ["1e1"], [true], [["14", "30"]], [-1], [366]])("refuses payment terms of %p days", async (dueDays) => {
    await actAs(admin);
    const input = {
      companyName: "Acme",
      companyAddress: "",
      defaultCurrency: "USD",
      locale: "en-US",
      timeZone: "UTC",
      taxRate: "0",
      invoicePrefix: "INV",
      dueDays,
      senderName: "Acme",
      minPayment: "1.00",
      bankInstructions: "",
      cashInstructions: "",
    };
    await refusedWithoutChange(() => updateSettings(undefined, input), "dueDays", "Enter whole days from 0 to 365");
  });
});
