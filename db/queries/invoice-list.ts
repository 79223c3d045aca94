import "server-only";
import { and, asc, desc, eq, gte, inArray, isNotNull, isNull, like, lt, lte, or, sql, type SQL } from "drizzle-orm";
import { getDb } from "@/db";
import { invoiceSummaryColumns } from "./columns";
import { clients, invoices, rollupInvoiceDays } from "@/db/schema";
import type { InvoiceListParams, InvoiceSort } from "@/lib/validation/invoices";
import { OPEN_STATUSES } from "@/lib/invoices/status";

// Back-office reads of the invoice list. Callers check "invoices:read".

export const INVOICE_PAGE_SIZE = 25;
/** Counting stops here: "10,000+" is as useful as an exact count, and stays cheap at 1M rows. */
export const COUNT_CAP = 10_000;

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (m) => `\\${m}`);

/**
 * Client ids whose name starts with q. Two index range scans on
 * (archived_at, name): active clients, then archived ones.
 */
async function clientIdsByNamePrefix(q: string): Promise<number[]> {
  const prefix = `${escapeLike(q)}%`;
  const rows = await getDb()
    .select({ id: clients.id })
    .from(clients)
    .where(or(and(isNull(clients.archivedAt), like(clients.name, prefix)), and(isNotNull(clients.archivedAt), like(clients.name, prefix))))
    .limit(500);
  return rows.map((r) => r.id);
}

type StatusColumns = { status: typeof invoices.status | typeof rollupInvoiceDays.status; dueDate: typeof invoices.dueDate | typeof rollupInvoiceDays.dueDate };

function statusCondition(status: InvoiceListParams["statuses"][number], today: string, c: StatusColumns = invoices): SQL {
  // Filters follow the status people see: overdue is sent or partially paid and past due.
  switch (status) {
    case "overdue":
      return and(inArray(c.status, [...OPEN_STATUSES]), lt(c.dueDate, today))!;
    case "sent":
    case "partially_paid":
      return and(eq(c.status, status), gte(c.dueDate, today))!;
    default:
      return eq(c.status, status);
  }
}

/** The WHERE clause for a set of filters; shared by the page, the totals and the CSV export. */
export async function invoiceListWhere(p: Omit<InvoiceListParams, "sort" | "page">, today: string): Promise<SQL | undefined> {
  let search: SQL | undefined;
  if (p.q) {
    const ids = await clientIdsByNamePrefix(p.q);
    const byNumber = like(invoices.number, `${escapeLike(p.q)}%`);
    search = ids.length ? or(byNumber, inArray(invoices.clientId, ids)) : byNumber;
  }
  return and(
    p.statuses.length ? or(...p.statuses.map((s) => statusCondition(s, today))) : undefined,
    p.clientId ? eq(invoices.clientId, p.clientId) : undefined,
    search,
    p.issuedFrom ? gte(invoices.issueDate, p.issuedFrom) : undefined,
    p.issuedTo ? lte(invoices.issueDate, p.issuedTo) : undefined,
    p.dueFrom ? gte(invoices.dueDate, p.dueFrom) : undefined,
    p.dueTo ? lte(invoices.dueDate, p.dueTo) : undefined,
    p.currency ? eq(invoices.currency, p.currency) : undefined,
    p.minMinor !== null ? gte(invoices.totalMinor, p.minMinor) : undefined,
    p.maxMinor !== null ? lte(invoices.totalMinor, p.maxMinor) : undefined,
  );
}

function orderFor(sort: InvoiceSort): SQL[] {
  const dir = sort.startsWith("-") ? desc : asc;
  // Numbers are unique, but drafts have none (NULL): the id orders those, and the number's index carries it.
  if (sort.endsWith("number")) return [dir(invoices.number), dir(invoices.id)];
  const column = { issue_date: invoices.issueDate, due_date: invoices.dueDate, total: invoices.totalMinor }[sort.replace(/^-/, "") as "issue_date"];
  // The id breaks ties, so pages never repeat or skip a row (each index carries the id, so this is still an index order).
  return [dir(column), dir(invoices.id)];
}

const invoiceColumns = { ...invoiceSummaryColumns, clientId: invoices.clientId };

/** Names and emails for a page's clients, by primary key. */
async function clientsFor(ids: number[]) {
  if (ids.length === 0) return new Map<number, { name: string; email: string | null }>();
  const rows = await getDb()
    .select({ id: clients.id, name: clients.name, email: clients.email })
    .from(clients)
    .where(inArray(clients.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, r]));
}

/**
 * One page of the filtered list and a count capped at COUNT_CAP, in two
 * statements run side by side. The page's invoice ids are picked first, in
 * index order, in a derived table; only those 25 rows then join their
 * invoices and clients. (Joined from the start, the optimizer may begin at
 * the clients and sort a million rows; a deep page walks the index alone,
 * not a row per skipped invoice.) Status and date filters are counted from
 * the per-day rollup (a few hundred rows) instead of walking up to
 * COUNT_CAP index entries.
 */
export async function listInvoices(p: InvoiceListParams, today: string) {
  const where = await invoiceListWhere(p, today);
  const db = getDb();
  const pageIds = db
    .select({ id: invoices.id })
    .from(invoices)
    .where(where)
    .orderBy(...orderFor(p.sort))
    .limit(INVOICE_PAGE_SIZE)
    .offset((p.page - 1) * INVOICE_PAGE_SIZE)
    .as("page_ids");
  const [page, [counted]] = await Promise.all([
    db
      .select({ ...invoiceColumns, clientName: clients.name, clientEmail: clients.email })
      .from(pageIds)
      .innerJoin(invoices, eq(invoices.id, pageIds.id))
      .leftJoin(clients, eq(clients.id, invoices.clientId))
      .orderBy(...orderFor(p.sort)),
    rollupAnswers(p)
      ? db
          .select({ n: sql<string>`coalesce(sum(${rollupInvoiceDays.invoiceCount}), 0)` })
          .from(rollupInvoiceDays)
          .where(rollupWhere(p, today))
      : db.select({ n: sql<number>`count(*)` }).from(
          db
            .select({ one: sql`1`.as("one") })
            .from(invoices)
            .where(where)
            .limit(COUNT_CAP + 1)
            .as("capped"),
        ),
  ]);
  const rows = page.map((r) => ({ ...r, clientName: r.clientName ?? "" }));
  const total = Number(counted?.n ?? 0);
  return { rows, total: Math.min(total, COUNT_CAP), capped: total > COUNT_CAP };
}

/**
 * The same page of the list read the plainest way: one indexed query for its
 * 25 rows, no count, no client names. Only bench:web's reference page uses it,
 * as the floor the real list is measured against.
 */
export async function referenceInvoicePage(p: InvoiceListParams, today: string) {
  return getDb()
    .select(invoiceColumns)
    .from(invoices)
    .where(await invoiceListWhere(p, today))
    .orderBy(...orderFor(p.sort))
    .limit(INVOICE_PAGE_SIZE);
}

export type InvoiceListRow = Awaited<ReturnType<typeof listInvoices>>["rows"][number];

export type InvoiceSetTotals = { currency: string; count: number; invoicedMinor: number; paidMinor: number; outstandingMinor: number };

const sumColumns = <T extends typeof invoices | typeof rollupInvoiceDays>(t: T, count: SQL, total: SQL, paid: SQL) => ({
  currency: t.currency,
  count: sql<string>`coalesce(sum(${count}), 0)`,
  invoiced: sql<string>`coalesce(sum(case when ${t.status} in ('sent', 'partially_paid', 'paid') then ${total} else 0 end), 0)`,
  paid: sql<string>`coalesce(sum(${paid}), 0)`,
  outstanding: sql<string>`coalesce(sum(case when ${inArray(t.status, [...OPEN_STATUSES])} then ${total} - ${paid} else 0 end), 0)`,
});

/**
 * Invoiced (issued, not void), paid and outstanding for the filtered set,
 * one row per currency. Filters on status and dates only are answered from
 * the dashboard's per-day rollup (a few thousand rows, whatever the number of
 * invoices); a client, search or amount filter runs the list's indexed
 * WHERE. The page loads it separately, so the list never waits on a sum.
 */
export async function invoiceSetTotals(p: Omit<InvoiceListParams, "sort" | "page">, today: string): Promise<InvoiceSetTotals[]> {
  const rows = rollupAnswers(p) ? await totalsFromRollup(p, today) : await totalsFromInvoices(p, today);
  return rows
    .map((r) => ({ currency: r.currency, count: Number(r.count), invoicedMinor: Number(r.invoiced), paidMinor: Number(r.paid), outstandingMinor: Number(r.outstanding) }))
    .filter((r) => r.count > 0);
}

/** Filters on status, dates and currency only: the per-day rollup counts every invoice, so it answers them exactly. */
const rollupAnswers = (p: Omit<InvoiceListParams, "sort" | "page">) => !p.clientId && !p.q && p.minMinor === null && p.maxMinor === null;

function rollupWhere(p: Omit<InvoiceListParams, "sort" | "page">, today: string): SQL | undefined {
  const r = rollupInvoiceDays;
  return and(
    p.statuses.length ? or(...p.statuses.map((s) => statusCondition(s, today, r))) : undefined,
    p.issuedFrom ? gte(r.issueDate, p.issuedFrom) : undefined,
    p.issuedTo ? lte(r.issueDate, p.issuedTo) : undefined,
    p.dueFrom ? gte(r.dueDate, p.dueFrom) : undefined,
    p.dueTo ? lte(r.dueDate, p.dueTo) : undefined,
    p.currency ? eq(r.currency, p.currency) : undefined,
  );
}

/** The currencies invoices are in, for the list's currency filter: from the per-day rollup, a few thousand rows. */
export async function listInvoiceCurrencies(): Promise<string[]> {
  const rows = await getDb().selectDistinct({ currency: rollupInvoiceDays.currency }).from(rollupInvoiceDays).orderBy(asc(rollupInvoiceDays.currency));
  return rows.map((r) => r.currency);
}

async function totalsFromRollup(p: Omit<InvoiceListParams, "sort" | "page">, today: string) {
  const r = rollupInvoiceDays;
  return getDb()
    .select(sumColumns(r, sql`${r.invoiceCount}`, sql`${r.totalMinor}`, sql`${r.paidMinor}`))
    .from(r)
    .where(rollupWhere(p, today))
    .groupBy(r.currency)
    .orderBy(asc(r.currency));
}

async function totalsFromInvoices(p: Omit<InvoiceListParams, "sort" | "page">, today: string) {
  const where = await invoiceListWhere(p, today);
  return getDb()
    .select(sumColumns(invoices, sql`1`, sql`${invoices.totalMinor}`, sql`${invoices.amountPaidMinor}`))
    .from(invoices)
    .where(where)
    .groupBy(invoices.currency)
    .orderBy(asc(invoices.currency));
}

/** The filtered set in id order, a batch at a time (keyset), for the CSV export. */
export async function* exportInvoices(p: Omit<InvoiceListParams, "sort" | "page">, today: string) {
  const where = await invoiceListWhere(p, today);
  let afterId = 0;
  for (;;) {
    const batch = await getDb()
      .select({ ...invoiceColumns, subtotalMinor: invoices.subtotalMinor, taxMinor: invoices.taxMinor, discountMinor: invoices.discountMinor })
      .from(invoices)
      .where(and(where, sql`${invoices.id} > ${afterId}`))
      .orderBy(asc(invoices.id))
      .limit(1000);
    if (batch.length === 0) return;
    const names = await clientsFor(batch.map((r) => r.clientId));
    yield batch.map((r) => ({ ...r, clientName: names.get(r.clientId)?.name ?? "", clientEmail: names.get(r.clientId)?.email ?? null }));
    afterId = batch[batch.length - 1]!.id;
  }
}
