import { eq } from "drizzle-orm";
import { isValidElement, type ReactNode } from "react";
import { getDb } from "@/db";
import { clients } from "@/db/schema";
import {
  getHeadcounts,
  getNewClientCount,
  getNewClientSeries,
  getPeriodTotals,
  getReceivablesAging,
  getRevenueSeries,
  getStatusBreakdown,
  getTopServices,
  listDashboardCurrencies,
  receivablesTotals,
} from "@/db/queries/dashboard";
import { archiveClient, createClient, deleteClient, restoreClient } from "@/lib/clients/client-records";
import { importClients } from "@/lib/clients/import-clients";
import { addDaysIso, businessDay } from "@/lib/dates";
import { parseDashboardRange } from "@/lib/dashboard/range";
import { createDraftInvoice, deleteDraftInvoice, updateDraftInvoice } from "@/lib/invoices/drafts";
import type { Actor } from "@/lib/actor";
import { issueInvoice } from "@/lib/invoices/issue";
import { voidInvoice } from "@/lib/invoices/void";
import { confirmPayment, recordPayment, refundPayment, rejectPayment } from "@/lib/payments";
import { findRollupDrift } from "@/lib/rollups/rebuild";
import { clientSchema } from "@/lib/validation/clients";
import { Headcounts, MoneyTotals } from "@/components/dashboard/totals";
import { redirectOf } from "../support/actions";
import { insertService } from "../support/backoffice";
import { resetDatabase } from "../support/db";
import { createUser } from "../support/factories";
import { draft, ensureSettings, line } from "../support/invoices";
import { actAs } from "../support/request-context";

// A small data set built by hand through the real domain functions (so the
// rollups move as they do in the app), whose every dashboard figure is worked
// out below by hand. Dates are relative to today (T), because "overdue" and
// "new clients" are.

const T = businessDay("UTC", new Date());
const d = (days: number) => addDaysIso(T, days);
const PERIOD = { from: d(-60), to: T };

let staff: Actor;
let s1: number;
let s2: number;
let seq = 0;
const key = () => `dash-${Date.now()}-${++seq}`;

async function issued(clientId: number, lines: ReturnType<typeof line>[], issueDay: number, dueDay: number, currency = "USD") {
  const { id } = await createDraftInvoice(getDb(), { ...draft(clientId, lines, { issueDate: d(issueDay), dueDate: d(dueDay), currency }), actor: staff });
  await issueInvoice(getDb(), { invoiceId: id, actor: staff });
  return id;
}

const pay = (invoiceId: number, amountMinor: number, status: "succeeded" | "pending" = "succeeded") =>
  recordPayment(getDb(), { invoiceId, amountMinor, method: "bank_transfer", reference: null, status, idempotencyKey: key(), actor: staff });

const clientActor = (a: Actor) => ({ id: a.id, role: a.role as "staff", ip: "127.0.0.1" });

beforeAll(async () => {
  await resetDatabase();
  await ensureSettings();
  await createUser({ role: "admin" });
  const user = await createUser({ role: "staff" });
  await createUser({ role: "staff", status: "disabled" });
  await createUser({ role: "client" });
  staff = { id: user.id, role: "staff", ip: "127.0.0.1" };

  // Services: S1 on offer, S2 archived, S3 paused (still counted: not archived).
  s1 = (await insertService({ name: "S1 Retainer" })).id;
  s2 = (await insertService({ name: "S2 Old", archived: true })).id;
  await insertService({ name: "S3 Paused", active: false });

  // Clients A, B, C, D stay; C is archived; D is archived and restored; E is created and deleted.
  const who = clientActor(staff);
  const make = (name: string) => createClient(getDb(), clientSchema.parse({ name, currency: "USD" }), who);
  const a = (await make("Alpha Ltd")).id;
  const b = (await make("Beta LLC")).id;
  const c = (await make("Gamma Co")).id;
  const dd = (await make("Delta Inc")).id;
  const e = (await make("Epsilon")).id;
  await archiveClient(getDb(), c, who);
  await archiveClient(getDb(), dd, who);
  await restoreClient(getDb(), dd, who);
  await deleteClient(getDb(), e, who);
  // One imported client (through the import path), then archived: 6 created, 4 not archived.
  await importClients(getDb(), "name,email\r\nZeta Imports,zeta@test.example\r\n", who);
  const [zeta] = await getDb().select({ id: clients.id }).from(clients).where(eq(clients.name, "Zeta Imports"));
  await archiveClient(getDb(), zeta!.id, who);

  // inv1: A, issued T-40, due T-26, S1 2 × 100.00 = 200.00, paid in full.
  const inv1 = await issued(a, [line("S1 work", 2000, 100_00, 0, s1)], -40, -26);
  await pay(inv1, 200_00);
  // inv2: A, issued T-20, due T-6, S1 50.00 + typed 30.00 = 80.00; 30.00 paid: partially paid and overdue (1–30 days).
  const inv2 = await issued(a, [line("S1 work", 1000, 50_00, 0, s1), line("Travel", 1000, 30_00)], -20, -6);
  await pay(inv2, 30_00);
  // inv3: B, issued T-10, due T+4, S1 120.00, sent and not yet due. A pending payment is declared and rejected.
  const inv3 = await issued(b, [line("S1 work", 1000, 120_00, 0, s1)], -10, 4);
  const pending = await pay(inv3, 20_00, "pending");
  await rejectPayment(getDb(), { paymentId: pending.paymentId, reason: "Never arrived", actor: staff });
  // inv4: B, issued T-100 (before the period), due T-95: 70.00 overdue over 90 days. A pending 70.00 confirmed, then refunded.
  const inv4 = await issued(b, [line("Old work", 1000, 70_00)], -100, -95);
  const declared = await pay(inv4, 70_00, "pending");
  await confirmPayment(getDb(), { paymentId: declared.paymentId, actor: staff });
  await refundPayment(getDb(), { paymentId: declared.paymentId, actor: staff });
  // inv5: A, issued T-5, S1 40.00: paid, refunded, then void.
  const inv5 = await issued(a, [line("S1 work", 1000, 40_00, 0, s1)], -5, 9);
  const paid5 = await pay(inv5, 40_00);
  await refundPayment(getDb(), { paymentId: paid5.paymentId, actor: staff });
  await voidInvoice(getDb(), { invoiceId: inv5, reason: "Issued in error", actor: staff });
  // inv6: a draft for B, first 20.00 dated T-2, then edited to 25.00 dated T-3.
  const { id: inv6 } = await createDraftInvoice(getDb(), { ...draft(b, [line("Draft", 1000, 20_00)], { issueDate: d(-2), dueDate: d(12) }), actor: staff });
  await updateDraftInvoice(getDb(), { ...draft(b, [line("Draft", 1000, 25_00, 0, s2)], { issueDate: d(-3), dueDate: d(11) }), invoiceId: inv6, actor: staff });
  // inv7: a draft created and deleted.
  const { id: inv7 } = await createDraftInvoice(getDb(), { ...draft(a, [line("Gone", 1000, 99_00)], { issueDate: d(-1), dueDate: d(13) }), actor: staff });
  await deleteDraftInvoice(getDb(), { invoiceId: inv7, actor: staff });
  // inv8: B in EUR, issued T-15, due T+15: 10.00 EUR outstanding, in its own currency.
  await issued(b, [line("Euro work", 1000, 10_00, 0, s2)], -15, 15, "EUR");
});

describe("the dashboard on a hand-built data set", () => {
  it("counts clients (not archived), active admins and staff, and services not archived", async () => {
    expect(await getHeadcounts()).toEqual({ clients: 3, staff: 2, services: 2 });
    expect(await getNewClientCount(PERIOD)).toBe(5);
    expect(await getNewClientCount({ from: d(-60), to: d(-1) })).toBe(0);
  });

  it("totals the invoices issued in the period (drafts included), what was invoiced and what was paid", async () => {
    // inv1, inv2, inv3, inv5 (void) and inv6 (draft); inv4 is older. Invoiced: 200 + 80 + 120. Paid: 200 + 30.
    expect(await getPeriodTotals("USD", PERIOD, T)).toEqual({ invoices: 5, invoicedMinor: 400_00, paidMinor: 230_00 });
    expect(await getPeriodTotals("USD", { from: d(-120), to: T }, T)).toEqual({ invoices: 6, invoicedMinor: 470_00, paidMinor: 230_00 });
    expect(await getPeriodTotals("EUR", PERIOD, T)).toEqual({ invoices: 1, invoicedMinor: 10_00, paidMinor: 0 });
  });

  it("ages what is owed today: outstanding, overdue and the five buckets", async () => {
    const aging = await getReceivablesAging("USD", T);
    expect(aging.map((a) => [a.bucket, a.count, a.balanceMinor])).toEqual([
      ["current", 1, 120_00],
      ["1-30", 1, 50_00],
      ["31-60", 0, 0],
      ["61-90", 0, 0],
      ["90+", 1, 70_00],
    ]);
    expect(receivablesTotals(aging)).toEqual({ outstandingMinor: 240_00, openInvoices: 3, overdueMinor: 120_00, overdueInvoices: 2 });
    // Five days on, inv3 (due T+4) is overdue too.
    expect(receivablesTotals(await getReceivablesAging("USD", d(5)))).toMatchObject({ overdueMinor: 240_00, overdueInvoices: 3 });
    expect(receivablesTotals(await getReceivablesAging("EUR", T))).toEqual({ outstandingMinor: 10_00, openInvoices: 1, overdueMinor: 0, overdueInvoices: 0 });
  });

  it("splits the period's invoices by the status people see, overdue derived", async () => {
    const rows = await getStatusBreakdown("USD", PERIOD, T);
    expect(rows.map((r) => [r.status, r.count, r.totalMinor])).toEqual([
      ["draft", 1, 25_00],
      ["sent", 1, 120_00],
      ["overdue", 1, 80_00],
      ["partially_paid", 0, 0],
      ["paid", 1, 200_00],
      ["void", 1, 40_00],
    ]);
  });

  it("puts invoiced and paid on the day (or month) of issue", async () => {
    const days = await getRevenueSeries("USD", PERIOD, "day", T);
    expect(days.get(d(-40))).toEqual({ invoicedMinor: 200_00, paidMinor: 200_00 });
    expect(days.get(d(-20))).toEqual({ invoicedMinor: 80_00, paidMinor: 30_00 });
    expect(days.get(d(-10))).toEqual({ invoicedMinor: 120_00, paidMinor: 0 });
    // The void invoice and the draft invoice nothing.
    expect(days.get(d(-5))).toEqual({ invoicedMinor: 0, paidMinor: 0 });
    const months = await getRevenueSeries("USD", PERIOD, "month", T);
    const sum = (key: "invoicedMinor" | "paidMinor") => [...months.values()].reduce((n, m) => n + m[key], 0);
    expect([sum("invoicedMinor"), sum("paidMinor")]).toEqual([400_00, 230_00]);
    expect([...months.keys()].every((k) => k.endsWith("-01"))).toBe(true);
    // Each month holds the sum of its days, under the month's first day.
    const byMonth = new Map<string, { invoicedMinor: number; paidMinor: number }>();
    for (const [day, sums] of days) {
      if (sums.invoicedMinor === 0 && sums.paidMinor === 0) continue;
      const month = byMonth.get(`${day.slice(0, 7)}-01`) ?? { invoicedMinor: 0, paidMinor: 0 };
      byMonth.set(`${day.slice(0, 7)}-01`, { invoicedMinor: month.invoicedMinor + sums.invoicedMinor, paidMinor: month.paidMinor + sums.paidMinor });
    }
    expect(new Map([...months].filter(([, m]) => m.invoicedMinor !== 0 || m.paidMinor !== 0))).toEqual(byMonth);
  });

  it("counts new clients by day and by month of creation", async () => {
    expect([...(await getNewClientSeries(PERIOD, "day")).entries()]).toEqual([[T, 5]]);
    expect([...(await getNewClientSeries(PERIOD, "month")).entries()]).toEqual([[`${T.slice(0, 7)}-01`, 5]]);
  });

  it("ranks services by invoiced line value, leaving out void invoices, drafts and typed lines", async () => {
    // S1: inv1 200 + inv2 50 + inv3 120 (inv5 is void). S2 is only on a draft and a EUR invoice.
    expect(await getTopServices("USD", PERIOD)).toEqual([{ id: s1, name: "S1 Retainer", archived: false, amountMinor: 370_00, lines: 3 }]);
    expect(await getTopServices("EUR", PERIOD)).toEqual([{ id: s2, name: "S2 Old", archived: true, amountMinor: 10_00, lines: 1 }]);
  });

  it("offers each currency that has invoices", async () => {
    expect(await listDashboardCurrencies()).toEqual(["EUR", "USD"]);
  });

  it("kept every rollup equal to a recount through all of the changes above", async () => {
    expect(await findRollupDrift(getDb())).toEqual([]);
  });
});

function propsIn(node: ReactNode, out: Record<string, unknown>[] = []): Record<string, unknown>[] {
  if (Array.isArray(node)) node.forEach((n) => propsIn(n, out));
  else if (isValidElement(node)) {
    const p = node.props as Record<string, unknown>;
    out.push(p);
    propsIn(p.children as ReactNode, out);
  }
  return out;
}

describe("the dashboard cards", () => {
  const ctx = (area: string, canManageStaff: boolean) => ({
    area,
    currency: "USD",
    locale: "en-US",
    range: { ...parseDashboardRange({ range: "custom", from: PERIOD.from, to: PERIOD.to }, T) },
    today: T,
    canManageStaff,
  });

  it("show the figures formatted, each linking to the list it was counted from", async () => {
    const cards = propsIn(await MoneyTotals({ ctx: ctx("/staff", false) })).filter((p) => typeof p.label === "string");
    expect(cards.map((c) => [c.label, c.value, c.href])).toEqual([
      ["Total sales (paid)", "$230.00", `/staff/invoices?issuedFrom=${PERIOD.from}&issuedTo=${PERIOD.to}&currency=USD`],
      ["Outstanding", "$240.00", "/staff/invoices?status=sent%2Cpartially_paid%2Coverdue&currency=USD"],
      ["Overdue", "$120.00", "/staff/invoices?status=overdue&currency=USD"],
      ["Invoices", "5", `/staff/invoices?issuedFrom=${PERIOD.from}&issuedTo=${PERIOD.to}&currency=USD`],
    ]);
  });

  it("link staff users to staff management for admins only", async () => {
    const forStaff = propsIn(await Headcounts({ ctx: ctx("/staff", false) })).find((p) => p.label === "Staff users");
    const forAdmin = propsIn(await Headcounts({ ctx: ctx("/admin", true) })).find((p) => p.label === "Staff users");
    expect([forStaff?.value, forStaff?.href]).toEqual(["2", undefined]);
    expect(forAdmin?.href).toBe("/admin/staff");
  });
});

describe("who can open the dashboard", () => {
  it("admin and staff get the same dashboard component; clients and visitors are sent away", async () => {
    const { default: AdminHome } = await import("@/app/(admin)/admin/page");
    const { default: StaffHome } = await import("@/app/(staff)/staff/page");
    const searchParams = Promise.resolve({});
    const admin = await createUser({ role: "admin" });
    await actAs(admin);
    const adminTree = (await AdminHome({ searchParams })) as { type: unknown; props: Record<string, unknown> };
    await actAs({ id: staff.id, role: "staff", sessionVersion: 1 });
    const staffTree = (await StaffHome({ searchParams })) as { type: unknown; props: Record<string, unknown> };
    expect(adminTree.type).toBe(staffTree.type);
    expect([adminTree.props.area, adminTree.props.canManageStaff]).toEqual(["/admin", true]);
    expect([staffTree.props.area, staffTree.props.canManageStaff]).toEqual(["/staff", false]);

    const client = await createUser({ role: "client" });
    await actAs(client);
    expect(await redirectOf(AdminHome({ searchParams }))).toBe("/portal");
    expect(await redirectOf(StaffHome({ searchParams }))).toBe("/portal");
    await actAs(null);
    expect(await redirectOf(StaffHome({ searchParams }))).toBe("/login");
  });
});
