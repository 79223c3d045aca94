import { invoiceSetTotals, listInvoiceCurrencies, listInvoices } from "@/db/queries/invoice-list";
import type { Actor } from "@/lib/actor";
import { parseInvoiceListParams, invoiceListQueryString } from "@/lib/validation/invoices";
import { resetDatabase } from "../support/db";
import { createUser } from "../support/factories";
import { createClient, ensureSettings, issuedInvoice, line } from "../support/invoices";

// Totals in different currencies don't compare: ¥20,000 is 20000 minor units
// and $150 is 15000. A min or max total keeps to one currency (the one chosen,
// or the business's), and the list can be narrowed to a currency.

const TODAY = "2026-06-15";
const params = (raw: Record<string, string>) => parseInvoiceListParams(raw, "USD", "en-US");
const numbersOf = async (raw: Record<string, string>) => (await listInvoices(params(raw), TODAY)).rows.map((r) => `${r.currency} ${r.totalMinor}`).sort();

beforeAll(async () => {
  await resetDatabase();
  await ensureSettings({ taxRateBp: 0 });
  const user = await createUser({ role: "staff" });
  const staff: Actor = { id: user.id, role: "staff" };
  const client = (await createClient({ name: "Kyoto Tea House" })).id;
  await issuedInvoice(staff, client, [line("Tea", 1000, 150_00)], { currency: "USD" });
  await issuedInvoice(staff, client, [line("Tea", 1000, 20_000)], { currency: "JPY" });
  await issuedInvoice(staff, client, [line("Tea", 1000, 5_000)], { currency: "JPY" });
  await issuedInvoice(staff, client, [line("Tea", 1000, 50_000)], { currency: "KWD" });
});

describe("the invoice list's currency", () => {
  it("keeps a min or max total to the business's currency when none is chosen", async () => {
    // ?min=100 once matched ¥20,000 (20000 ≥ 10000) and 50 KWD (50000) beside $150.
    expect(await numbersOf({ min: "100" })).toEqual(["USD 15000"]);
    expect(params({ min: "100" })).toMatchObject({ currency: "USD", minMinor: 10_000 });
  });

  it("reads a min or max in the chosen currency, and narrows the list to it", async () => {
    expect(params({ currency: "jpy", min: "10000" })).toMatchObject({ currency: "JPY", minMinor: 10_000 });
    expect(await numbersOf({ currency: "JPY", min: "10000" })).toEqual(["JPY 20000"]);
    expect(await numbersOf({ currency: "JPY" })).toEqual(["JPY 20000", "JPY 5000"]);
    expect(await numbersOf({ currency: "KWD", max: "49.999" })).toEqual([]);
    expect(await numbersOf({ currency: "KWD", max: "50" })).toEqual(["KWD 50000"]);
  });

  it("drops a currency that isn't one, and lists every currency with no amounts", async () => {
    expect(params({ currency: "XYZ" })).toMatchObject({ currency: null });
    expect(params({ currency: ["USD", "JPY"] as unknown as string })).toMatchObject({ currency: "USD" });
    expect(await numbersOf({})).toHaveLength(4);
  });

  it("counts and totals per currency from the rollup the same as from the invoices", async () => {
    const fromRollup = await listInvoices(params({ currency: "JPY" }), TODAY);
    const fromInvoices = await listInvoices(params({ currency: "JPY", min: "0" }), TODAY);
    expect(fromRollup.total).toBe(2);
    expect(fromInvoices.total).toBe(2);
    expect(await invoiceSetTotals(params({ currency: "JPY" }), TODAY)).toEqual(await invoiceSetTotals(params({ currency: "JPY", min: "0" }), TODAY));
    expect((await invoiceSetTotals(params({ currency: "JPY" }), TODAY)).map((t) => t.currency)).toEqual(["JPY"]);
  });

  it("offers the currencies in use, and keeps the chosen one in the list's links", async () => {
    expect(await listInvoiceCurrencies()).toEqual(["JPY", "KWD", "USD"]);
    expect(invoiceListQueryString({ ...params({ currency: "JPY" }), min: "", max: "" })).toBe("currency=JPY");
  });
});
