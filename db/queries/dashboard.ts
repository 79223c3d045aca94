import "server-only";
import { and, asc, between, count, desc, eq, inArray, isNull, sql, type SQL } from "drizzle-orm";
import { cache } from "react";
import type { Db } from "@/db";
import { prepared } from "@/db/prepared";
import { rollupClientDays, rollupInvoiceDays, rollupServiceDays, services, users, type InvoiceStatus } from "@/db/schema";
import { addDaysIso } from "@/lib/dates";
import type { Bucket } from "@/lib/dashboard/range";
import { OPEN_STATUSES, type DisplayStatus } from "@/lib/invoices/status";

// The back-office dashboard's reads. Callers check "dashboard:view".
//
// Every figure comes from the rollup tables (db/schema/rollups.ts), a few
// thousand rows kept in step with each change, or from small tables (users,
// services). None of these reads touches invoices, invoice_items, payments
// or clients, so their cost doesn't grow with those tables. Plans and
// timings: docs/dashboard.md.
//
// Each statement is built once per process and run with placeholders
// (db/prepared.ts): the dashboard sends seven per view, and building them
// anew cost more CPU than the database spends answering them.

export type Period = { from: string; to: string };

const r = rollupInvoiceDays;
const n = (value: unknown) => Number(value ?? 0);
const p = sql.placeholder;
const balance = sql`${r.totalMinor} - ${r.paidMinor}`;
// Period reads want a range on the primary key (currency, issue_date, …). The
// covering open-balance index also holds every column they read, and the
// optimizer would rather scan all of a currency's rows in it.
const byIssueDate = { ignoreIndex: "rollup_invoice_days_open_idx" };
const inPeriod = and(eq(r.currency, p("currency")), between(r.issueDate, p("from"), p("to")));
// A month as a number (202601): cheaper to group by than a formatted date,
// which cost MariaDB about 1.5 ms on a year's rows (docs/performance.md).
const yearMonth = (day: typeof r.issueDate | typeof rollupClientDays.day) => sql<string>`extract(year_month from ${day})`;
/** "2026-01-01" from 202601. */
const monthStartOf = (value: unknown) => `${String(value).slice(0, 4)}-${String(value).slice(4, 6)}-01`;
// MariaDB sorts a GROUP BY's groups unless told not to; the callers look groups up by their start.
const unsorted = sql`null`;

const currenciesQuery = prepared((db) => db.selectDistinct({ currency: r.currency }).from(r).orderBy(asc(r.currency)).prepare());

/** The currencies that have invoices (a loose scan of the rollup's primary key). */
export async function listDashboardCurrencies(): Promise<string[]> {
  return (await currenciesQuery().execute()).map((row) => row.currency);
}

const headcountsQuery = prepared((db) =>
  db
    .select({
      clients: sql<string>`(${db.select({ n: sql`coalesce(sum(${rollupClientDays.createdCount} - ${rollupClientDays.archivedCount}), 0)` }).from(rollupClientDays)})`,
      staff: sql<number>`(${db
        .select({ n: count() })
        .from(users)
        .where(and(inArray(users.role, ["admin", "staff"]), eq(users.status, "active")))})`,
      services: sql<number>`(${db.select({ n: count() }).from(services).where(isNull(services.archivedAt))})`,
    })
    .from(sql`dual`)
    .prepare(),
);

/** Clients (not archived), active admins and staff, and services (not archived). */
export async function getHeadcounts() {
  const [row] = await headcountsQuery().execute();
  return { clients: n(row?.clients), staff: n(row?.staff), services: n(row?.services) };
}

// Period totals, revenue and invoices by status all read the period's rows of
// rollup_invoice_days. One statement reads them once, summed per bucket (day
// or month of issue) and stored status, with what is past due split out; the
// three cards share its result within a request (React cache).
/** Issued and not void: what counts as invoiced. */
const ISSUED = new Set<InvoiceStatus>(["sent", "partially_paid", "paid"]);
const periodScanQuery = (bucket: Bucket) => (bucket === "day" ? periodScanByDay() : periodScanByMonth());
const scanStatement = (db: Db, start: SQL<string>) => {
  const pastDue = sql`${inArray(r.status, [...OPEN_STATUSES])} and ${r.dueDate} < ${p("today")}`;
  return db
    .select({
      start,
      status: r.status,
      count: sql<string>`sum(${r.invoiceCount})`,
      total: sql<string>`sum(${r.totalMinor})`,
      paid: sql<string>`sum(${r.paidMinor})`,
      overdueCount: sql<string>`sum(case when ${pastDue} then ${r.invoiceCount} else 0 end)`,
      overdueTotal: sql<string>`sum(case when ${pastDue} then ${r.totalMinor} else 0 end)`,
    })
    .from(r, byIssueDate)
    .where(inPeriod)
    .groupBy(start, r.status)
    .orderBy(unsorted)
    .prepare();
};
const periodScanByDay = prepared((db) => scanStatement(db, sql<string>`${r.issueDate}`));
const periodScanByMonth = prepared((db) => scanStatement(db, yearMonth(r.issueDate)));

type ScanRow = { start: string; status: InvoiceStatus; count: number; total: number; paid: number; overdueCount: number; overdueTotal: number };

const scanPeriod = cache(async (currency: string, from: string, to: string, bucket: Bucket, today: string): Promise<ScanRow[]> => {
  const rows = await periodScanQuery(bucket).execute({ currency, from, to, today });
  return rows.map((row) => ({
    start: bucket === "day" ? String(row.start).slice(0, 10) : monthStartOf(row.start),
    status: row.status,
    count: n(row.count),
    total: n(row.total),
    paid: n(row.paid),
    overdueCount: n(row.overdueCount),
    overdueTotal: n(row.overdueTotal),
  }));
});

/** A period, with the bucket its charts use (the page's range has one; the figures don't depend on it). */
export type PeriodView = Period & { bucket?: Bucket };

/**
 * Invoices issued in the period (drafts included), what was invoiced (issued,
 * not void) and what has been paid on those invoices.
 */
export async function getPeriodTotals(currency: string, period: PeriodView, today: string) {
  const rows = await scanPeriod(currency, period.from, period.to, period.bucket ?? "month", today);
  let invoices = 0;
  let invoicedMinor = 0;
  let paidMinor = 0;
  for (const row of rows) {
    invoices += row.count;
    if (ISSUED.has(row.status)) invoicedMinor += row.total;
    paidMinor += row.paid;
  }
  return { invoices, invoicedMinor, paidMinor };
}

/** Clients created in the period, archived ones included (the sum of the new-clients chart, which the page reads anyway). */
export async function getNewClientCount(period: PeriodView): Promise<number> {
  let total = 0;
  for (const created of (await getNewClientSeries(period, period.bucket ?? "month")).values()) total += created;
  return total;
}

export const agingBuckets = ["current", "1-30", "31-60", "61-90", "90+"] as const;
export type AgingBucket = (typeof agingBuckets)[number];
export type AgingRow = { bucket: AgingBucket; count: number; balanceMinor: number; dueFrom: string | null; dueTo: string | null };

// Inclusive due-date bounds per bucket, as placeholders; null is open-ended.
const agingBounds: Record<AgingBucket, [string | null, string | null]> = {
  current: ["today", null],
  "1-30": ["d30", "d1"],
  "31-60": ["d60", "d31"],
  "61-90": ["d90", "d61"],
  "90+": [null, "d91"],
};
const BOUND_DAYS = { today: 0, d1: 1, d30: 30, d31: 31, d60: 60, d61: 61, d90: 90, d91: 91 } as const;

// Each open row falls in one bucket, so the read sums per bucket (five groups)
// instead of evaluating ten CASE sums on every row; the CASE tests the
// buckets' lower bounds from newest to oldest, which gives the same ranges.
const agingQuery = prepared((db) => {
  const bucket = sql<number>`case when ${r.dueDate} >= ${p("today")} then 0 when ${r.dueDate} >= ${p("d30")} then 1 when ${r.dueDate} >= ${p("d60")} then 2 when ${r.dueDate} >= ${p("d90")} then 3 else 4 end`;
  return db
    .select({ bucket: bucket.as("bucket"), count: sql<string>`sum(${r.invoiceCount})`, balance: sql<string>`sum(${balance})` })
    .from(r)
    .where(and(eq(r.currency, p("currency")), inArray(r.status, [...OPEN_STATUSES])))
    .groupBy(sql`bucket`)
    .prepare();
});

/**
 * What is owed now (sent and partially paid invoices, whatever their issue
 * date), by days past due: not yet due, 1–30, 31–60, 61–90 and over 90.
 * Overdue is everything past due, as in lib/invoices/status. Cached per
 * request: the totals and the aging card both read it.
 */
export const getReceivablesAging = cache(async (currency: string, today: string): Promise<AgingRow[]> => {
  const dates = Object.fromEntries(Object.entries(BOUND_DAYS).map(([name, days]) => [name, addDaysIso(today, -days)]));
  const rows = await agingQuery().execute({ currency, ...dates });
  return agingBuckets.map((bucket, i) => {
    const [lo, hi] = agingBounds[bucket];
    const row = rows.find((r) => n(r.bucket) === i);
    return { bucket, count: n(row?.count), balanceMinor: n(row?.balance), dueFrom: lo ? dates[lo]! : null, dueTo: hi ? dates[hi]! : null };
  });
});

/** Outstanding and overdue now, from the aging buckets. */
export function receivablesTotals(aging: AgingRow[]) {
  const overdue = aging.filter((a) => a.bucket !== "current");
  const sum = (rows: AgingRow[], key: "count" | "balanceMinor") => rows.reduce((total, a) => total + a[key], 0);
  return { outstandingMinor: sum(aging, "balanceMinor"), openInvoices: sum(aging, "count"), overdueMinor: sum(overdue, "balanceMinor"), overdueInvoices: sum(overdue, "count") };
}

/** Invoiced (issued, not void) and paid on those invoices, per day or month of issue. */
export async function getRevenueSeries(currency: string, period: Period, bucket: Bucket, today: string) {
  const out = new Map<string, { invoicedMinor: number; paidMinor: number }>();
  for (const row of await scanPeriod(currency, period.from, period.to, bucket, today)) {
    const sums = out.get(row.start) ?? { invoicedMinor: 0, paidMinor: 0 };
    if (ISSUED.has(row.status)) sums.invoicedMinor += row.total;
    sums.paidMinor += row.paid;
    out.set(row.start, sums);
  }
  return out;
}

const clientsByDayQuery = prepared((db) =>
  db
    .select({ day: rollupClientDays.day, created: rollupClientDays.createdCount })
    .from(rollupClientDays)
    .where(between(rollupClientDays.day, p("from"), p("to")))
    .prepare(),
);
// A year by month is 12 rows instead of 365.
const clientsByMonthQuery = prepared((db) => {
  const month = yearMonth(rollupClientDays.day);
  return db
    .select({ month, created: sql<string>`sum(${rollupClientDays.createdCount})` })
    .from(rollupClientDays)
    .where(between(rollupClientDays.day, p("from"), p("to")))
    .groupBy(month)
    .orderBy(unsorted)
    .prepare();
});

const newClientSeries = cache(async (from: string, to: string, bucket: Bucket) => {
  if (bucket === "month") {
    const rows = await clientsByMonthQuery().execute({ from, to });
    return new Map(rows.map((row) => [monthStartOf(row.month), n(row.created)]));
  }
  const rows = await clientsByDayQuery().execute({ from, to });
  return new Map(rows.map((row) => [row.day, n(row.created)]));
});

/** New clients per day or month of creation (archived ones included: they were new then). */
export async function getNewClientSeries(period: Period, bucket: Bucket): Promise<Map<string, number>> {
  return newClientSeries(period.from, period.to, bucket);
}

export type StatusRow = { status: DisplayStatus; count: number; totalMinor: number };

/**
 * Invoices issued in the period by the status people see: sent and partially
 * paid ones past due count as overdue, as the invoice list's filter does.
 */
export async function getStatusBreakdown(currency: string, period: PeriodView, today: string): Promise<StatusRow[]> {
  const out = new Map<DisplayStatus, StatusRow>();
  const add = (status: DisplayStatus, c: number, t: number) => {
    const row = out.get(status) ?? { status, count: 0, totalMinor: 0 };
    row.count += c;
    row.totalMinor += t;
    out.set(status, row);
  };
  for (const row of await scanPeriod(currency, period.from, period.to, period.bucket ?? "month", today)) {
    add(row.status, row.count - row.overdueCount, row.total - row.overdueTotal);
    if (row.overdueCount > 0) add("overdue", row.overdueCount, row.overdueTotal);
  }
  const order: DisplayStatus[] = ["draft", "sent", "overdue", "partially_paid", "paid", "void"];
  return order.map((status) => out.get(status) ?? { status, count: 0, totalMinor: 0 });
}

const topServicesQuery = prepared((db) => {
  const s = rollupServiceDays;
  // Summed per service first, so only a handful of rows meet the join.
  const totals = db
    .select({ serviceId: s.serviceId, amount: sql<string>`sum(${s.amountMinor})`.as("amount"), lines: sql<string>`sum(${s.lineCount})`.as("lines") })
    .from(s)
    .where(and(eq(s.currency, p("currency")), between(s.issueDate, p("from"), p("to"))))
    .groupBy(s.serviceId)
    .as("totals");
  return db
    .select({ id: services.id, name: services.name, archivedAt: services.archivedAt, amount: totals.amount, lines: totals.lines })
    .from(totals)
    .innerJoin(services, eq(services.id, totals.serviceId))
    .where(sql`${totals.amount} <> 0`)
    .orderBy(desc(totals.amount), asc(services.name))
    .limit(p("limit"))
    .prepare();
});

/** The services with the most invoiced (issued, not void) line value in the period, before tax. */
export async function getTopServices(currency: string, period: Period, limit = 5) {
  const rows = await topServicesQuery().execute({ currency, from: period.from, to: period.to, limit });
  return rows.map((row) => ({ id: row.id, name: row.name, archived: row.archivedAt !== null, amountMinor: n(row.amount), lines: n(row.lines) }));
}
