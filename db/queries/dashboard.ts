import "server-only";
import { and, asc, between, count, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import { cache } from "react";
import { getDb } from "@/db";
import { rollupClientDays, rollupInvoiceDays, rollupServiceDays, services, users } from "@/db/schema";
import { addDaysIso } from "@/lib/dates";
import type { Bucket } from "@/lib/dashboard/range";
import type { DisplayStatus } from "@/lib/invoices/status";

// The back-office dashboard's reads. Callers check "dashboard:view".
//
// Every figure comes from the rollup tables (db/schema/rollups.ts), a few
// thousand rows kept in step with each change, or from small tables (users,
// services). None of these reads touches invoices, invoice_items, payments
// or clients, so their cost doesn't grow with those tables. Plans: docs/dashboard.md.

export type Period = { from: string; to: string };

const r = rollupInvoiceDays;
const OPEN = ["sent", "partially_paid"] as const;
const n = (value: unknown) => Number(value ?? 0);
/** Issued and not void: what counts as invoiced. */
const invoiced = sql`case when ${r.status} in ('sent', 'partially_paid', 'paid') then ${r.totalMinor} else 0 end`;
const balance = sql`${r.totalMinor} - ${r.paidMinor}`;
// Period reads want a range on the primary key (currency, issue_date, …). The
// covering open-balance index also holds every column they read, and the
// optimizer would rather scan all of a currency's rows in it.
const byIssueDate = { ignoreIndex: "rollup_invoice_days_open_idx" };

/** The currencies that have invoices (a loose scan of the rollup's primary key). */
export async function listDashboardCurrencies(): Promise<string[]> {
  const rows = await getDb().selectDistinct({ currency: r.currency }).from(r).orderBy(asc(r.currency));
  return rows.map((row) => row.currency);
}

/** Clients (not archived), active admins and staff, and services (not archived). */
export async function getHeadcounts() {
  const db = getDb();
  const [row] = await db
    .select({
      clients: sql<string>`(${db.select({ n: sql`coalesce(sum(${rollupClientDays.createdCount} - ${rollupClientDays.archivedCount}), 0)` }).from(rollupClientDays)})`,
      staff: sql<number>`(${db.select({ n: count() }).from(users).where(and(inArray(users.role, ["admin", "staff"]), eq(users.status, "active")))})`,
      services: sql<number>`(${db.select({ n: count() }).from(services).where(isNull(services.archivedAt))})`,
    })
    .from(sql`dual`);
  return { clients: n(row?.clients), staff: n(row?.staff), services: n(row?.services) };
}

/**
 * Invoices issued in the period (drafts included), what was invoiced (issued,
 * not void) and what has been paid on those invoices.
 */
export async function getPeriodTotals(currency: string, period: Period) {
  const [row] = await getDb()
    .select({ invoices: sql<string>`coalesce(sum(${r.invoiceCount}), 0)`, invoiced: sql<string>`coalesce(sum(${invoiced}), 0)`, paid: sql<string>`coalesce(sum(${r.paidMinor}), 0)` })
    .from(r, byIssueDate)
    .where(and(eq(r.currency, currency), between(r.issueDate, period.from, period.to)));
  return { invoices: n(row?.invoices), invoicedMinor: n(row?.invoiced), paidMinor: n(row?.paid) };
}

/** Clients created in the period, archived ones included. */
export async function getNewClientCount(period: Period): Promise<number> {
  const [row] = await getDb()
    .select({ created: sql<string>`coalesce(sum(${rollupClientDays.createdCount}), 0)` })
    .from(rollupClientDays)
    .where(between(rollupClientDays.day, period.from, period.to));
  return n(row?.created);
}

export const agingBuckets = ["current", "1-30", "31-60", "61-90", "90+"] as const;
export type AgingBucket = (typeof agingBuckets)[number];
export type AgingRow = { bucket: AgingBucket; count: number; balanceMinor: number; dueFrom: string | null; dueTo: string | null };

/**
 * What is owed now (sent and partially paid invoices, whatever their issue
 * date), by days past due: not yet due, 1–30, 31–60, 61–90 and over 90.
 * Overdue is everything past due, as in lib/invoices/status.
 */
// Cached per request: the totals and the aging card both read it.
export const getReceivablesAging = cache(async (currency: string, today: string): Promise<AgingRow[]> => {
  // Inclusive due-date bounds per bucket; null is open-ended.
  const bounds: Record<AgingBucket, [string | null, string | null]> = {
    current: [today, null],
    "1-30": [addDaysIso(today, -30), addDaysIso(today, -1)],
    "31-60": [addDaysIso(today, -60), addDaysIso(today, -31)],
    "61-90": [addDaysIso(today, -90), addDaysIso(today, -61)],
    "90+": [null, addDaysIso(today, -91)],
  };
  const inBucket = ([lo, hi]: [string | null, string | null]) =>
    sql.join([lo ? sql`${r.dueDate} >= ${lo}` : sql`true`, hi ? sql`${r.dueDate} <= ${hi}` : sql`true`], sql` and `);
  const columns = Object.fromEntries(
    agingBuckets.flatMap((b, i) => [
      [`n${i}`, sql<string>`coalesce(sum(case when ${inBucket(bounds[b])} then ${r.invoiceCount} end), 0)`],
      [`b${i}`, sql<string>`coalesce(sum(case when ${inBucket(bounds[b])} then ${balance} end), 0)`],
    ]),
  );
  const [row] = await getDb()
    .select(columns)
    .from(r)
    .where(and(eq(r.currency, currency), inArray(r.status, [...OPEN])));
  return agingBuckets.map((bucket, i) => ({ bucket, count: n(row?.[`n${i}`]), balanceMinor: n(row?.[`b${i}`]), dueFrom: bounds[bucket][0], dueTo: bounds[bucket][1] }));
});

/** Outstanding and overdue now, from the aging buckets. */
export function receivablesTotals(aging: AgingRow[]) {
  const overdue = aging.filter((a) => a.bucket !== "current");
  const sum = (rows: AgingRow[], key: "count" | "balanceMinor") => rows.reduce((total, a) => total + a[key], 0);
  return { outstandingMinor: sum(aging, "balanceMinor"), openInvoices: sum(aging, "count"), overdueMinor: sum(overdue, "balanceMinor"), overdueInvoices: sum(overdue, "count") };
}

// Grouped by day in SQL (the primary key's order, so no temporary table) and into months here.
const bucketStart = (day: string, bucket: Bucket) => (bucket === "day" ? day : `${day.slice(0, 7)}-01`);

/** Invoiced (issued, not void) and paid on those invoices, per day or month of issue. */
export async function getRevenueSeries(currency: string, period: Period, bucket: Bucket) {
  const rows = await getDb()
    .select({ day: r.issueDate, invoiced: sql<string>`sum(${invoiced})`, paid: sql<string>`sum(${r.paidMinor})` })
    .from(r, byIssueDate)
    .where(and(eq(r.currency, currency), between(r.issueDate, period.from, period.to)))
    .groupBy(r.issueDate);
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

/** New clients per day or month of creation (archived ones included: they were new then). */
export async function getNewClientSeries(period: Period, bucket: Bucket) {
  const rows = await getDb()
    .select({ day: rollupClientDays.day, created: rollupClientDays.createdCount })
    .from(rollupClientDays)
    .where(between(rollupClientDays.day, period.from, period.to));
  const out = new Map<string, number>();
  for (const row of rows) {
    const key = bucketStart(row.day, bucket);
    out.set(key, (out.get(key) ?? 0) + n(row.created));
  }
  return out;
}

export type StatusRow = { status: DisplayStatus; count: number; totalMinor: number };

/**
 * Invoices issued in the period by the status people see: sent and partially
 * paid ones past due count as overdue, as the invoice list's filter does.
 */
export async function getStatusBreakdown(currency: string, period: Period, today: string): Promise<StatusRow[]> {
  const pastDue = sql`${r.status} in ('sent', 'partially_paid') and ${r.dueDate} < ${today}`;
  const rows = await getDb()
    .select({
      status: r.status,
      count: sql<string>`sum(${r.invoiceCount})`,
      total: sql<string>`sum(${r.totalMinor})`,
      overdueCount: sql<string>`sum(case when ${pastDue} then ${r.invoiceCount} else 0 end)`,
      overdueTotal: sql<string>`sum(case when ${pastDue} then ${r.totalMinor} else 0 end)`,
    })
    .from(r, byIssueDate)
    .where(and(eq(r.currency, currency), between(r.issueDate, period.from, period.to)))
    .groupBy(r.status);
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

/** The services with the most invoiced (issued, not void) line value in the period, before tax. */
export async function getTopServices(currency: string, period: Period, limit = 5) {
  const s = rollupServiceDays;
  const db = getDb();
  // Summed per service first, so only a handful of rows meet the join.
  const totals = db
    .select({ serviceId: s.serviceId, amount: sql<string>`sum(${s.amountMinor})`.as("amount"), lines: sql<string>`sum(${s.lineCount})`.as("lines") })
    .from(s)
    .where(and(eq(s.currency, currency), between(s.issueDate, period.from, period.to)))
    .groupBy(s.serviceId)
    .as("totals");
  const rows = await db
    .select({ id: services.id, name: services.name, archivedAt: services.archivedAt, amount: totals.amount, lines: totals.lines })
    .from(totals)
    .innerJoin(services, eq(services.id, totals.serviceId))
    .where(sql`${totals.amount} <> 0`)
    .orderBy(desc(totals.amount), asc(services.name))
    .limit(limit);
  return rows.map((row) => ({ id: row.id, name: row.name, archived: row.archivedAt !== null, amountMinor: n(row.amount), lines: n(row.lines) }));
}
