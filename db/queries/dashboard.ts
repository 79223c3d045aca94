import "server-only";
import { and, asc, between, count, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import { cache } from "react";
import { getDb, type Db } from "@/db";
import { rollupClientDays, rollupInvoiceDays, rollupServiceDays, services, users } from "@/db/schema";
import { addDaysIso } from "@/lib/dates";
import type { Bucket } from "@/lib/dashboard/range";
import type { DisplayStatus } from "@/lib/invoices/status";

// The back-office dashboard's reads. Callers check "dashboard:view".
//
// Every figure comes from the rollup tables (db/schema/rollups.ts), a few
// thousand rows kept in step with each change, or from small tables (users,
// services). None of these reads touches invoices, invoice_items, payments
// or clients, so their cost doesn't grow with those tables. Plans and
// timings: docs/dashboard.md.
//
// Each statement is built once per process and run with placeholders: the
// dashboard sends about ten per view, and building them anew cost more CPU
// than the database spends answering them.

export type Period = { from: string; to: string };

const r = rollupInvoiceDays;
const OPEN = ["sent", "partially_paid"] as const;
const n = (value: unknown) => Number(value ?? 0);
const p = sql.placeholder;
/** Issued and not void: what counts as invoiced. */
const invoiced = sql`case when ${r.status} in ('sent', 'partially_paid', 'paid') then ${r.totalMinor} else 0 end`;
const balance = sql`${r.totalMinor} - ${r.paidMinor}`;
// Period reads want a range on the primary key (currency, issue_date, …). The
// covering open-balance index also holds every column they read, and the
// optimizer would rather scan all of a currency's rows in it.
const byIssueDate = { ignoreIndex: "rollup_invoice_days_open_idx" };
const inPeriod = and(eq(r.currency, p("currency")), between(r.issueDate, p("from"), p("to")));

/** A statement prepared on first use, per database handle (tests and scripts close and reopen it). */
function prepared<T>(build: (db: Db) => T): () => T {
  const byDb = new WeakMap<Db, T>();
  return () => {
    const db = getDb();
    let statement = byDb.get(db);
    if (!statement) byDb.set(db, (statement = build(db)));
    return statement;
  };
}

const currenciesQuery = prepared((db) => db.selectDistinct({ currency: r.currency }).from(r).orderBy(asc(r.currency)).prepare());

/** The currencies that have invoices (a loose scan of the rollup's primary key). */
export async function listDashboardCurrencies(): Promise<string[]> {
  return (await currenciesQuery().execute()).map((row) => row.currency);
}

const headcountsQuery = prepared((db) =>
  db
    .select({
      clients: sql<string>`(${db.select({ n: sql`coalesce(sum(${rollupClientDays.createdCount} - ${rollupClientDays.archivedCount}), 0)` }).from(rollupClientDays)})`,
      staff: sql<number>`(${db.select({ n: count() }).from(users).where(and(inArray(users.role, ["admin", "staff"]), eq(users.status, "active")))})`,
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

const periodQuery = prepared((db) =>
  db
    .select({ invoices: sql<string>`coalesce(sum(${r.invoiceCount}), 0)`, invoiced: sql<string>`coalesce(sum(${invoiced}), 0)`, paid: sql<string>`coalesce(sum(${r.paidMinor}), 0)` })
    .from(r, byIssueDate)
    .where(inPeriod)
    .prepare(),
);

/**
 * Invoices issued in the period (drafts included), what was invoiced (issued,
 * not void) and what has been paid on those invoices.
 */
export async function getPeriodTotals(currency: string, period: Period) {
  const [row] = await periodQuery().execute({ currency, from: period.from, to: period.to });
  return { invoices: n(row?.invoices), invoicedMinor: n(row?.invoiced), paidMinor: n(row?.paid) };
}

const newClientsQuery = prepared((db) =>
  db
    .select({ created: sql<string>`coalesce(sum(${rollupClientDays.createdCount}), 0)` })
    .from(rollupClientDays)
    .where(between(rollupClientDays.day, p("from"), p("to")))
    .prepare(),
);

/** Clients created in the period, archived ones included. */
export async function getNewClientCount(period: Period): Promise<number> {
  const [row] = await newClientsQuery().execute(period);
  return n(row?.created);
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

const agingQuery = prepared((db) => {
  const inBucket = ([lo, hi]: [string | null, string | null]) => sql.join([lo ? sql`${r.dueDate} >= ${p(lo)}` : sql`true`, hi ? sql`${r.dueDate} <= ${p(hi)}` : sql`true`], sql` and `);
  const columns = Object.fromEntries(
    agingBuckets.flatMap((b, i) => [
      [`n${i}`, sql<string>`coalesce(sum(case when ${inBucket(agingBounds[b])} then ${r.invoiceCount} end), 0)`],
      [`b${i}`, sql<string>`coalesce(sum(case when ${inBucket(agingBounds[b])} then ${balance} end), 0)`],
    ]),
  );
  return db
    .select(columns)
    .from(r)
    .where(and(eq(r.currency, p("currency")), inArray(r.status, [...OPEN])))
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
  const [row] = await agingQuery().execute({ currency, ...dates });
  return agingBuckets.map((bucket, i) => {
    const [lo, hi] = agingBounds[bucket];
    return { bucket, count: n(row?.[`n${i}`]), balanceMinor: n(row?.[`b${i}`]), dueFrom: lo ? dates[lo]! : null, dueTo: hi ? dates[hi]! : null };
  });
});

/** Outstanding and overdue now, from the aging buckets. */
export function receivablesTotals(aging: AgingRow[]) {
  const overdue = aging.filter((a) => a.bucket !== "current");
  const sum = (rows: AgingRow[], key: "count" | "balanceMinor") => rows.reduce((total, a) => total + a[key], 0);
  return { outstandingMinor: sum(aging, "balanceMinor"), openInvoices: sum(aging, "count"), overdueMinor: sum(overdue, "balanceMinor"), overdueInvoices: sum(overdue, "count") };
}

// Grouped by day in SQL (the primary key's order, so no temporary table) and into months here.
const bucketStart = (day: string, bucket: Bucket) => (bucket === "day" ? day : `${day.slice(0, 7)}-01`);

const revenueQuery = prepared((db) =>
  db
    .select({ day: r.issueDate, invoiced: sql<string>`sum(${invoiced})`, paid: sql<string>`sum(${r.paidMinor})` })
    .from(r, byIssueDate)
    .where(inPeriod)
    .groupBy(r.issueDate)
    .prepare(),
);

/** Invoiced (issued, not void) and paid on those invoices, per day or month of issue. */
export async function getRevenueSeries(currency: string, period: Period, bucket: Bucket) {
  const rows = await revenueQuery().execute({ currency, from: period.from, to: period.to });
  const out = new Map<string, { invoicedMinor: number; paidMinor: number }>();
  for (const row of rows) {
    const key = bucketStart(row.day, bucket);
    const sums = out.get(key) ?? { invoicedMinor: 0, paidMinor: 0 };
    sums.invoicedMinor += n(row.invoiced);
    sums.paidMinor += n(row.paid);
    out.set(key, sums);
  }
  return out;
}

const clientSeriesQuery = prepared((db) =>
  db
    .select({ day: rollupClientDays.day, created: rollupClientDays.createdCount })
    .from(rollupClientDays)
    .where(between(rollupClientDays.day, p("from"), p("to")))
    .prepare(),
);

/** New clients per day or month of creation (archived ones included: they were new then). */
export async function getNewClientSeries(period: Period, bucket: Bucket) {
  const rows = await clientSeriesQuery().execute(period);
  const out = new Map<string, number>();
  for (const row of rows) {
    const key = bucketStart(row.day, bucket);
    out.set(key, (out.get(key) ?? 0) + n(row.created));
  }
  return out;
}

export type StatusRow = { status: DisplayStatus; count: number; totalMinor: number };

const statusQuery = prepared((db) => {
  const pastDue = sql`${r.status} in ('sent', 'partially_paid') and ${r.dueDate} < ${p("today")}`;
  return db
    .select({
      status: r.status,
      count: sql<string>`sum(${r.invoiceCount})`,
      total: sql<string>`sum(${r.totalMinor})`,
      overdueCount: sql<string>`sum(case when ${pastDue} then ${r.invoiceCount} else 0 end)`,
      overdueTotal: sql<string>`sum(case when ${pastDue} then ${r.totalMinor} else 0 end)`,
    })
    .from(r, byIssueDate)
    .where(inPeriod)
    .groupBy(r.status)
    .prepare();
});

/**
 * Invoices issued in the period by the status people see: sent and partially
 * paid ones past due count as overdue, as the invoice list's filter does.
 */
export async function getStatusBreakdown(currency: string, period: Period, today: string): Promise<StatusRow[]> {
  const rows = await statusQuery().execute({ currency, from: period.from, to: period.to, today });
  const out = new Map<DisplayStatus, StatusRow>();
  const add = (status: DisplayStatus, c: number, t: number) => {
    const row = out.get(status) ?? { status, count: 0, totalMinor: 0 };
    row.count += c;
    row.totalMinor += t;
    out.set(status, row);
  };
  for (const row of rows) {
    add(row.status, n(row.count) - n(row.overdueCount), n(row.total) - n(row.overdueTotal));
    if (n(row.overdueCount) > 0) add("overdue", n(row.overdueCount), n(row.overdueTotal));
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
