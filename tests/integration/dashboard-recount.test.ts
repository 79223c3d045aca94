import { sql } from "drizzle-orm";
import type { RowDataPacket } from "mysql2/promise";
import { getDb, getPool } from "@/db";
import * as q from "@/db/queries/dashboard";
import { seedScale } from "@/db/seed/scale";
import { archiveClient } from "@/lib/clients/client-records";
import { addDaysIso, businessDay } from "@/lib/dates";
import { bucketStarts, parseDashboardRange, type DashboardRange } from "@/lib/dashboard/range";
import type { Actor } from "@/lib/actor";
import { voidInvoice } from "@/lib/invoices/void";
import { recordPayment, refundPayment } from "@/lib/payments";
import { findRollupDrift, rebuildRollups } from "@/lib/rollups/rebuild";
import { resetDatabase } from "../support/db";

// Every dashboard figure on the seeded data (the demo company plus bulk
// clients and invoices over three years), against the same figure counted
// straight from invoices, invoice_items, clients, users and services.

const T = businessDay("UTC", new Date());
const CURRENCY = "USD";
let staff: Actor;

async function rows(query: string, params: unknown[] = []): Promise<RowDataPacket[]> {
  const [result] = await getPool().query<RowDataPacket[]>(query, params);
  return result;
}
const num = (v: unknown) => Number(v ?? 0);

const ranges: DashboardRange[] = [
  parseDashboardRange({}, T),
  parseDashboardRange({ range: "month" }, T),
  parseDashboardRange({ range: "30d" }, T),
  parseDashboardRange({ range: "quarter" }, T),
  parseDashboardRange({ range: "custom", from: addDaysIso(T, -3 * 365), to: T }, T),
  parseDashboardRange({ range: "custom", from: addDaysIso(T, -500), to: addDaysIso(T, -200) }, T),
];

/** Every figure the dashboard shows for a range, from the dashboard's own queries. */
async function dashboardFigures(range: DashboardRange) {
  const aging = await q.getReceivablesAging(CURRENCY, T);
  return {
    headcounts: await q.getHeadcounts(),
    period: await q.getPeriodTotals(CURRENCY, range, T),
    newClients: await q.getNewClientCount(range),
    aging: aging.map((a) => ({ bucket: a.bucket, count: a.count, balanceMinor: a.balanceMinor })),
    receivables: q.receivablesTotals(aging),
    status: await q.getStatusBreakdown(CURRENCY, range, T),
    // A day whose invoices were all deleted keeps a zero row; the charts read a missing day as zero too.
    revenue: Object.fromEntries([...(await q.getRevenueSeries(CURRENCY, range, range.bucket, T))].filter(([, v]) => v.invoicedMinor || v.paidMinor)),
    clientSeries: Object.fromEntries([...(await q.getNewClientSeries(range, range.bucket))].filter(([, n]) => n)),
    services: await q.getTopServices(CURRENCY, range, 10),
    currencies: await q.listDashboardCurrencies(),
  };
}

/** The same figures, counted from the base tables. */
async function recount(range: DashboardRange) {
  const { from, to } = range;
  const [heads] = await rows(`SELECT
      (SELECT COUNT(*) FROM clients WHERE archived_at IS NULL) AS clients,
      (SELECT COUNT(*) FROM users WHERE role IN ('admin', 'staff') AND status = 'active') AS staff,
      (SELECT COUNT(*) FROM services WHERE archived_at IS NULL) AS services`);
  const [period] = await rows(
    `SELECT COUNT(*) AS invoices, COALESCE(SUM(CASE WHEN status IN ('sent', 'partially_paid', 'paid') THEN total_minor ELSE 0 END), 0) AS invoiced, COALESCE(SUM(amount_paid_minor), 0) AS paid
     FROM invoices WHERE currency = ? AND issue_date BETWEEN ? AND ?`,
    [CURRENCY, from, to],
  );
  const [fresh] = await rows("SELECT COUNT(*) AS n FROM clients WHERE DATE(created_at) BETWEEN ? AND ?", [from, to]);
  const open = await rows("SELECT DATEDIFF(?, due_date) AS late, total_minor - amount_paid_minor AS balance FROM invoices WHERE currency = ? AND status IN ('sent', 'partially_paid')", [T, CURRENCY]);
  const bucketOf = (late: number) => (late <= 0 ? "current" : late <= 30 ? "1-30" : late <= 60 ? "31-60" : late <= 90 ? "61-90" : "90+");
  const aging = q.agingBuckets.map((bucket) => {
    const inBucket = open.filter((o) => bucketOf(num(o.late)) === bucket);
    return { bucket, count: inBucket.length, balanceMinor: inBucket.reduce((n, o) => n + num(o.balance), 0) };
  });
  const overdue = open.filter((o) => num(o.late) > 0);
  const statusRows = await rows(
    `SELECT CASE WHEN status IN ('sent', 'partially_paid') AND due_date < ? THEN 'overdue' ELSE status END AS shown, COUNT(*) AS n, SUM(total_minor) AS total
     FROM invoices WHERE currency = ? AND issue_date BETWEEN ? AND ? GROUP BY shown`,
    [T, CURRENCY, from, to],
  );
  const fmt = range.bucket === "day" ? "%Y-%m-%d" : "%Y-%m-01";
  const revenueRows = await rows(
    `SELECT DATE_FORMAT(issue_date, '${fmt}') AS b, SUM(CASE WHEN status IN ('sent', 'partially_paid', 'paid') THEN total_minor ELSE 0 END) AS invoiced, SUM(amount_paid_minor) AS paid
     FROM invoices WHERE currency = ? AND issue_date BETWEEN ? AND ? GROUP BY b`,
    [CURRENCY, from, to],
  );
  const clientRows = await rows(`SELECT DATE_FORMAT(created_at, '${fmt}') AS b, COUNT(*) AS n FROM clients WHERE DATE(created_at) BETWEEN ? AND ? GROUP BY b`, [from, to]);
  const serviceRows = await rows(
    `SELECT s.id, s.name, s.archived_at, SUM(it.line_total_minor) AS amount, COUNT(*) AS line_count
     FROM invoice_items it JOIN invoices i ON i.id = it.invoice_id JOIN services s ON s.id = it.service_id
     WHERE i.currency = ? AND i.status IN ('sent', 'partially_paid', 'paid') AND i.issue_date BETWEEN ? AND ?
     GROUP BY s.id, s.name, s.archived_at ORDER BY amount DESC, s.name ASC LIMIT 10`,
    [CURRENCY, from, to],
  );
  const currencies = await rows("SELECT DISTINCT currency FROM invoices ORDER BY currency");
  const byStatus = new Map(statusRows.map((r) => [String(r.shown), r]));
  return {
    headcounts: { clients: num(heads?.clients), staff: num(heads?.staff), services: num(heads?.services) },
    period: { invoices: num(period?.invoices), invoicedMinor: num(period?.invoiced), paidMinor: num(period?.paid) },
    newClients: num(fresh?.n),
    aging,
    receivables: {
      outstandingMinor: open.reduce((n, o) => n + num(o.balance), 0),
      openInvoices: open.length,
      overdueMinor: overdue.reduce((n, o) => n + num(o.balance), 0),
      overdueInvoices: overdue.length,
    },
    status: (["draft", "sent", "overdue", "partially_paid", "paid", "void"] as const).map((status) => ({ status, count: num(byStatus.get(status)?.n), totalMinor: num(byStatus.get(status)?.total) })),
    revenue: Object.fromEntries(revenueRows.filter((r) => num(r.invoiced) || num(r.paid)).map((r) => [String(r.b), { invoicedMinor: num(r.invoiced), paidMinor: num(r.paid) }])),
    clientSeries: Object.fromEntries(clientRows.map((r) => [String(r.b), num(r.n)])),
    services: serviceRows.map((r) => ({ id: num(r.id), name: String(r.name), archived: r.archived_at !== null, amountMinor: num(r.amount), lines: num(r.line_count) })),
    currencies: currencies.map((r) => String(r.currency)),
  };
}

beforeAll(async () => {
  await resetDatabase();
  await seedScale(getPool(), { clients: 400, invoices: 4000 });
  const [user] = await rows("SELECT id FROM users WHERE email = 'staff@example.com'");
  staff = { id: num(user?.id), role: "staff", ip: "127.0.0.1" };
});

describe("every dashboard figure on the seeded data equals a recount", () => {
  it.each(ranges.map((r) => [`${r.label} (${r.from} to ${r.to}, by ${r.bucket})`, r] as const))("%s", async (_label, range) => {
    const figures = await dashboardFigures(range);
    expect(figures).toEqual(await recount(range));
    // The data really is there: the figures are not zeros agreeing with zeros.
    if (range.preset === "12m") {
      expect(figures.period.invoices).toBeGreaterThan(1000);
      expect(figures.receivables.overdueInvoices).toBeGreaterThan(100);
      expect(figures.services.length).toBeGreaterThan(3);
      const starts = bucketStarts(range);
      expect(Object.keys(figures.revenue).every((b) => starts.includes(b))).toBe(true);
    }
  });
});

describe("after changes through the domain functions", () => {
  it("the figures still equal a recount, and the rollups match", async () => {
    const [open] = await rows("SELECT id, total_minor - amount_paid_minor AS balance FROM invoices WHERE status = 'sent' AND currency = 'USD' ORDER BY id DESC LIMIT 1");
    const [paid] = await rows("SELECT p.id FROM payments p JOIN invoices i ON i.id = p.invoice_id WHERE p.status = 'succeeded' AND i.status = 'paid' ORDER BY p.id DESC LIMIT 1");
    const [client] = await rows("SELECT id FROM clients WHERE archived_at IS NULL ORDER BY id DESC LIMIT 1");
    const part = Math.max(1, Math.floor(num(open?.balance) / 3));
    await recordPayment(getDb(), { invoiceId: num(open?.id), amountMinor: part, method: "cash", status: "succeeded", idempotencyKey: `recount-${Date.now()}`, actor: staff });
    const refunded = await refundPayment(getDb(), { paymentId: num(paid?.id), actor: staff });
    await voidInvoice(getDb(), { invoiceId: refunded.invoiceId, reason: "Test void after refund", actor: staff });
    await archiveClient(getDb(), num(client?.id), { id: staff.id, role: "staff" });
    for (const range of ranges.slice(0, 2)) expect(await dashboardFigures(range)).toEqual(await recount(range));
    expect(await findRollupDrift(getDb())).toEqual([]);
  });

  it("a rollup that drifted is found, and rebuildRollups puts it right", async () => {
    await getDb().execute(sql`update rollup_invoice_days set paid_minor = paid_minor + 1 where status = 'paid' limit 1`);
    await getDb().execute(sql`update rollup_client_days set created_count = created_count + 1 limit 1`);
    const drift = await findRollupDrift(getDb());
    expect(drift).toHaveLength(2);
    expect(drift[0]).toMatch(/^rollup_invoice_days \[USD\|.+\|paid\]: rollup has invoice_count=\d+ total_minor=\d+ paid_minor=\d+, recount gives/);
    await rebuildRollups(getDb());
    expect(await findRollupDrift(getDb())).toEqual([]);
    const range = ranges[0]!;
    expect(await dashboardFigures(range)).toEqual(await recount(range));
  });
});
