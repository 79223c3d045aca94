import "server-only";
import { and, asc, desc, eq, gte, inArray, isNotNull, isNull, like, lt, lte, or, sql, type SQL } from "drizzle-orm";
import { getDb } from "@/db";
import { clients, invoices } from "@/db/schema";
import { todayIso } from "@/lib/dates";
import type { InvoiceListParams, InvoiceSort } from "@/lib/validation/invoices";

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

function statusCondition(status: InvoiceListParams["statuses"][number], today: string): SQL {
  // Filters follow the status people see: overdue is sent or partially paid and past due.
  switch (status) {
    case "overdue":
      return and(inArray(invoices.status, ["sent", "partially_paid"]), lt(invoices.dueDate, today))!;
    case "sent":
    case "partially_paid":
      return and(eq(invoices.status, status), gte(invoices.dueDate, today))!;
    default:
      return eq(invoices.status, status);
  }
}

/** The WHERE clause for a set of filters; shared by the page, the totals and the CSV export. */
export async function invoiceListWhere(p: Omit<InvoiceListParams, "sort" | "page">, today = todayIso()): Promise<SQL | undefined> {
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
    p.minMinor !== null ? gte(invoices.totalMinor, p.minMinor) : undefined,
    p.maxMinor !== null ? lte(invoices.totalMinor, p.maxMinor) : undefined,
  );
}

function orderFor(sort: InvoiceSort): SQL[] {
  const dir = sort.startsWith("-") ? desc : asc;
  const column = { issue_date: invoices.issueDate, due_date: invoices.dueDate, total: invoices.totalMinor, number: invoices.number }[sort.replace(/^-/, "") as "issue_date"];
  // The id breaks ties, so pages never repeat or skip a row.
  return [dir(column), dir(invoices.id)];
}

export const invoiceListColumns = {
  id: invoices.id,
  number: invoices.number,
  status: invoices.status,
  issueDate: invoices.issueDate,
  dueDate: invoices.dueDate,
  currency: invoices.currency,
  totalMinor: invoices.totalMinor,
  amountPaidMinor: invoices.amountPaidMinor,
  clientId: invoices.clientId,
  clientName: clients.name,
  clientEmail: clients.email,
};

export async function listInvoices(p: InvoiceListParams, today = todayIso()) {
  const where = await invoiceListWhere(p, today);
  const db = getDb();
  const [rows, [counted]] = await Promise.all([
    db
      .select(invoiceListColumns)
      .from(invoices)
      .innerJoin(clients, eq(clients.id, invoices.clientId))
      .where(where)
      .orderBy(...orderFor(p.sort))
      .limit(INVOICE_PAGE_SIZE)
      .offset((p.page - 1) * INVOICE_PAGE_SIZE),
    db.select({ n: sql<number>`count(*)` }).from(db.select({ one: sql`1`.as("one") }).from(invoices).where(where).limit(COUNT_CAP + 1).as("capped")),
  ]);
  const total = Number(counted?.n ?? 0);
  return { rows, total: Math.min(total, COUNT_CAP), capped: total > COUNT_CAP };
}

export type InvoiceListRow = Awaited<ReturnType<typeof listInvoices>>["rows"][number];

export type InvoiceSetTotals = { currency: string; count: number; invoicedMinor: number; paidMinor: number; outstandingMinor: number };

/**
 * Invoiced (issued, not void), paid and outstanding for the filtered set,
 * one row per currency. It runs the list's indexed WHERE; the page loads it
 * separately so the list itself never waits on a large sum.
 */
export async function invoiceSetTotals(p: Omit<InvoiceListParams, "sort" | "page">, today = todayIso()): Promise<InvoiceSetTotals[]> {
  const where = await invoiceListWhere(p, today);
  const rows = await getDb()
    .select({
      currency: invoices.currency,
      count: sql<number>`count(*)`,
      invoiced: sql<string>`coalesce(sum(case when ${invoices.status} in ('sent', 'partially_paid', 'paid') then ${invoices.totalMinor} else 0 end), 0)`,
      paid: sql<string>`coalesce(sum(${invoices.amountPaidMinor}), 0)`,
      outstanding: sql<string>`coalesce(sum(case when ${invoices.status} in ('sent', 'partially_paid') then ${invoices.totalMinor} - ${invoices.amountPaidMinor} else 0 end), 0)`,
    })
    .from(invoices)
    .where(where)
    .groupBy(invoices.currency)
    .orderBy(asc(invoices.currency));
  return rows.map((r) => ({ currency: r.currency, count: Number(r.count), invoicedMinor: Number(r.invoiced), paidMinor: Number(r.paid), outstandingMinor: Number(r.outstanding) }));
}

/** The filtered set in id order, a batch at a time (keyset), for the CSV export. */
export async function* exportInvoices(p: Omit<InvoiceListParams, "sort" | "page">, today = todayIso()) {
  const where = await invoiceListWhere(p, today);
  let afterId = 0;
  for (;;) {
    const batch = await getDb()
      .select({ ...invoiceListColumns, subtotalMinor: invoices.subtotalMinor, taxMinor: invoices.taxMinor, discountMinor: invoices.discountMinor })
      .from(invoices)
      .innerJoin(clients, eq(clients.id, invoices.clientId))
      .where(and(where, sql`${invoices.id} > ${afterId}`))
      .orderBy(asc(invoices.id))
      .limit(1000);
    if (batch.length === 0) return;
    yield batch;
    afterId = batch[batch.length - 1]!.id;
  }
}
