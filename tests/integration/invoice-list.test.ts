import { getDb } from "@/db";
import { GET as exportRoute } from "@/app/api/invoices/export/route";
import { GET as summaryRoute } from "@/app/api/invoices/summary/route";
import { COUNT_CAP, invoiceSetTotals, listInvoices } from "@/db/queries/invoice-list";
import type { Actor } from "@/lib/actor";
import { createDraftInvoice } from "@/lib/invoices/drafts";
import { voidInvoice } from "@/lib/invoices/void";
import { recordPayment } from "@/lib/payments";
import { readCsv } from "@/lib/read-csv";
import { parseInvoiceListParams, type InvoiceListParams } from "@/lib/validation/invoices";
import { resetDatabase } from "../support/db";
import { createUser } from "../support/factories";
import { createClient, draft, ensureSettings, issuedInvoice, line, invoiceRollupDrift } from "../support/invoices";
import { actAs } from "../support/request-context";

const TODAY = "2026-06-15";
let staffUser: Awaited<ReturnType<typeof createUser>>;
const ids: Record<string, number> = {};
let acme: number;

const params = (raw: Record<string, string | string[]>) => parseInvoiceListParams(raw, "USD", "en-US");
const numbersOf = async (p: InvoiceListParams) => (await listInvoices(p, TODAY)).rows.map((r) => r.number ?? `draft:${r.id}`);

beforeAll(async () => {
  await resetDatabase();
  await ensureSettings();
  staffUser = await createUser({ role: "staff" });
  const staff: Actor = { id: staffUser.id, role: "staff" };
  acme = (await createClient({ name: "Acme Rockets" })).id;
  const zenith = (await createClient({ name: "Zenith Bakery" })).id;
  // Issued in order, so numbers follow the dates: INV-2026-0001 ... 0005.
  ids.sentCurrent = (await issuedInvoice(staff, acme, [line("A", 1000, 100_00)], { issueDate: "2026-06-10", dueDate: "2026-06-24" })).id;
  ids.overdue = (await issuedInvoice(staff, acme, [line("B", 1000, 250_00)], { issueDate: "2026-05-01", dueDate: "2026-05-15" })).id;
  ids.partial = (await issuedInvoice(staff, zenith, [line("C", 1000, 400_00)], { issueDate: "2026-06-01", dueDate: "2026-06-30" })).id;
  ids.paid = (await issuedInvoice(staff, zenith, [line("D", 1000, 50_00)], { issueDate: "2026-04-01", dueDate: "2026-04-15" })).id;
  ids.void = (await issuedInvoice(staff, acme, [line("E", 1000, 75_00)], { issueDate: "2026-03-01", dueDate: "2026-03-15" })).id;
  ids.draft = (await createDraftInvoice(getDb(), { ...draft(zenith, [line("F", 1000, 999_00)], { issueDate: "2026-06-12", dueDate: "2026-06-26" }), actor: staff })).id;
  await recordPayment(getDb(), { invoiceId: ids.partial, amountMinor: 150_00, method: "cash", status: "succeeded", idempotencyKey: "list-1", actor: staff });
  await recordPayment(getDb(), { invoiceId: ids.paid, amountMinor: 50_00, method: "cash", status: "succeeded", idempotencyKey: "list-2", actor: staff });
  await voidInvoice(getDb(), { invoiceId: ids.void, reason: "Mistake", actor: staff });
});

describe("the invoice list", () => {
  it("sorts newest issued first by default and by any column on request", async () => {
    expect(await numbersOf(params({}))).toEqual([`draft:${ids.draft}`, "INV-2026-0001", "INV-2026-0003", "INV-2026-0002", "INV-2026-0004", "INV-2026-0005"]);
    expect((await numbersOf(params({ sort: "-total" })))[0]).toBe(`draft:${ids.draft}`);
    expect(await numbersOf(params({ sort: "number", status: "paid,void" }))).toEqual(["INV-2026-0004", "INV-2026-0005"]);
  });

  it("filters by displayed status, overdue included, from repeated or comma-separated params", async () => {
    expect(await numbersOf(params({ status: "overdue" }))).toEqual(["INV-2026-0002"]);
    expect(await numbersOf(params({ status: "sent" }))).toEqual(["INV-2026-0001"]);
    expect(await numbersOf(params({ status: ["partially_paid", "paid"] }))).toEqual(["INV-2026-0003", "INV-2026-0004"]);
    expect(await numbersOf(params({ status: "draft" }))).toEqual([`draft:${ids.draft}`]);
    // Unknown values are ignored, not errors.
    expect(await numbersOf(params({ status: "bogus" }))).toHaveLength(6);
  });

  it("filters by client, number or client-name prefix, date ranges and amounts", async () => {
    expect(await numbersOf(params({ client: String(acme) }))).toEqual(["INV-2026-0001", "INV-2026-0002", "INV-2026-0005"]);
    expect(await numbersOf(params({ q: "INV-2026-000" }))).toHaveLength(5);
    expect(await numbersOf(params({ q: "inv-2026-0003" }))).toEqual(["INV-2026-0003"]);
    expect(await numbersOf(params({ q: "zen" }))).toEqual([`draft:${ids.draft}`, "INV-2026-0003", "INV-2026-0004"]);
    expect(await numbersOf(params({ q: "Rockets" }))).toEqual([]);
    expect(await numbersOf(params({ issuedFrom: "2026-05-01", issuedTo: "2026-06-10" }))).toEqual(["INV-2026-0001", "INV-2026-0003", "INV-2026-0002"]);
    expect(await numbersOf(params({ dueFrom: "2026-06-25", dueTo: "2026-06-30" }))).toEqual([`draft:${ids.draft}`, "INV-2026-0003"]);
    expect(await numbersOf(params({ min: "100", max: "300.00" }))).toEqual(["INV-2026-0001", "INV-2026-0002"]);
  });

  it("pages 25 at a time and caps the count instead of counting a huge set", async () => {
    const res = await listInvoices({ ...params({}), page: 2 }, TODAY);
    expect(res).toMatchObject({ rows: [], total: 6, capped: false });
    expect(COUNT_CAP).toBe(10_000);
  });

  it("counts status and date filters from the rollup, the same as counting the invoices", async () => {
    for (const raw of [
      {},
      { status: "overdue" },
      { status: "sent,partially_paid" },
      { status: "draft" },
      { issuedFrom: "2026-05-01" },
      { dueTo: "2026-06-24", status: "paid" },
      { issuedFrom: "2027-01-01" },
    ] as Record<string, string>[]) {
      const fromRollup = await listInvoices(params(raw), TODAY);
      // An amount floor of 0 keeps every invoice but sends the count to the invoices table.
      const fromInvoices = await listInvoices(params({ ...raw, min: "0" }), TODAY);
      expect([raw, fromRollup.total, fromRollup.capped]).toEqual([raw, fromInvoices.total, fromInvoices.capped]);
      expect([raw, fromRollup.total]).toEqual([raw, fromRollup.rows.length]);
    }
  });

  it("answers status and date filters from the rollup with the same totals the invoices table gives", async () => {
    for (const raw of [{}, { status: "overdue" }, { status: "sent,partially_paid" }, { issuedFrom: "2026-05-01" }, { dueTo: "2026-06-24", status: "paid" }] as Record<string, string>[]) {
      // An amount floor of 0 keeps every invoice but sends the sum to the invoices table.
      expect([raw, await invoiceSetTotals(params(raw), TODAY)]).toEqual([raw, await invoiceSetTotals(params({ ...raw, min: "0" }), TODAY)]);
    }
  });

  it("totals the filtered set: invoiced excludes drafts and void, outstanding only open balances", async () => {
    expect(await invoiceSetTotals(params({}), TODAY)).toEqual([{ currency: "USD", count: 6, invoicedMinor: 800_00, paidMinor: 200_00, outstandingMinor: 600_00 }]);
    expect(await invoiceSetTotals(params({ status: "overdue" }), TODAY)).toEqual([{ currency: "USD", count: 1, invoicedMinor: 250_00, paidMinor: 0, outstandingMinor: 250_00 }]);
  });
});

describe("the list's routes", () => {
  it("the summary route answers staff with the filtered totals and 404s anyone else", async () => {
    await actAs(staffUser);
    const res = await summaryRoute(new Request("http://localhost/api/invoices/summary?status=paid"));
    expect(await res.json()).toEqual({ totals: [{ currency: "USD", count: 1, invoicedMinor: 50_00, paidMinor: 50_00, outstandingMinor: 0 }] });
    await actAs(null);
    expect((await summaryRoute(new Request("http://localhost/api/invoices/summary"))).status).toBe(404);
  });

  it("exports the filtered set as CSV with decimal amounts", async () => {
    await actAs(staffUser);
    const res = await exportRoute(new Request(`http://localhost/api/invoices/export?client=${acme}`));
    expect(res.headers.get("content-type")).toContain("text/csv");
    const read = readCsv(await res.text());
    const rows = read.ok ? read.rows.map((r) => r.cells) : [];
    expect(rows[0]).toEqual(["Number", "Status", "Client", "Client email", "Issue date", "Due date", "Currency", "Subtotal", "Discount", "Tax", "Total", "Paid", "Balance"]);
    expect(rows.slice(1).map((r) => [r[0], r[2], r[10], r[12]])).toEqual([
      ["INV-2026-0001", "Acme Rockets", "100.00", "100.00"],
      ["INV-2026-0002", "Acme Rockets", "250.00", "250.00"],
      ["INV-2026-0005", "Acme Rockets", "75.00", "0.00"],
    ]);
  });
});

describe("the dashboard rollups", () => {
  it("moved with every change above, in the same transactions", async () => {
    expect(await invoiceRollupDrift()).toEqual([]);
  });
});
