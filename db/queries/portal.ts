import "server-only";
import { and, asc, desc, eq, gte, inArray, lt, ne, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { invoiceSummaryColumns, subscriptionSummaryColumns } from "./columns";
import { clients, invoices, payments, services, subscriptions, users } from "@/db/schema";
import { addMonthsToMonthStart, startOfDayIn } from "@/lib/dates";
import { OPEN_STATUSES, type DisplayStatus } from "@/lib/invoices/status";

// Every function here takes the client id from the caller's session, never
// from the request, and puts it in the WHERE clause.

export async function getClientForUser(userId: number) {
  const [row] = await getDb().select({ id: clients.id, name: clients.name, email: clients.email, smsOptIn: clients.smsOptIn }).from(clients).where(eq(clients.userId, userId)).limit(1);
  return row ?? null;
}

/** For the sign-up link page only: whether the link was already used. */
export async function emailHasAccount(email: string): Promise<boolean> {
  const [row] = await getDb().select({ id: users.id }).from(users).where(eq(users.email, email)).limit(1);
  return Boolean(row);
}

/** The client's overview: what it owes (one figure per currency, never added across them), what is due next, its services and latest invoices. */
export async function getClientOverview(clientId: number) {
  const db = getDb();
  const [[client], balances, [nextDue], activeServices, recent] = await Promise.all([
    db.select({ currency: clients.currency }).from(clients).where(eq(clients.id, clientId)).limit(1),
    db
      .select({ currency: invoices.currency, minor: sql<string>`sum(${invoices.totalMinor} - ${invoices.amountPaidMinor})` })
      .from(invoices)
      .where(and(eq(invoices.clientId, clientId), inArray(invoices.status, [...OPEN_STATUSES])))
      .groupBy(invoices.currency)
      .orderBy(asc(invoices.currency)),
    db
      .select({ id: invoices.id, number: invoices.number, dueDate: invoices.dueDate })
      .from(invoices)
      .where(and(eq(invoices.clientId, clientId), inArray(invoices.status, [...OPEN_STATUSES])))
      .orderBy(asc(invoices.dueDate), asc(invoices.id))
      .limit(1),
    db
      .select(subscriptionSummaryColumns)
      .from(subscriptions)
      .innerJoin(services, eq(services.id, subscriptions.serviceId))
      .where(and(eq(subscriptions.clientId, clientId), ne(subscriptions.status, "cancelled")))
      .orderBy(asc(services.name)),
    db
      .select({
        ...invoiceSummaryColumns,
      })
      .from(invoices)
      .where(and(eq(invoices.clientId, clientId), ne(invoices.status, "draft")))
      .orderBy(desc(invoices.issueDate), desc(invoices.id))
      .limit(6),
  ]);
  return {
    /** The client's billing currency; null only if its row is gone. */
    currency: client?.currency ?? null,
    outstanding: balances.map((b) => ({ currency: b.currency, minor: Number(b.minor) })).filter((b) => b.minor > 0),
    nextDueDate: nextDue?.dueDate ?? null,
    nextDue: nextDue ? { id: nextDue.id, number: nextDue.number ?? `#${nextDue.id}` } : null,
    activeServices,
    recentInvoices: recent,
  };
}

export type MonthlySpend = { month: string; paidMinor: number };

/**
 * What the client paid per calendar month of the business (succeeded
 * payments, by the moment the money arrived, in the business's time zone),
 * the `months` months up to the one that holds `today`, oldest first, with
 * empty months as zero. One currency: the client's main one.
 */
export async function getSpendingByMonth(clientId: number, currency: string, today: string, timeZone: string, months = 12): Promise<MonthlySpend[]> {
  const starts = Array.from({ length: months + 1 }, (_, i) => addMonthsToMonthStart(today, i - (months - 1)));
  const bounds = starts.map((day) => startOfDayIn(day, timeZone));
  // Month i holds the payments from bounds[i] up to bounds[i + 1], so a payment at 23:30 on the 31st in Los Angeles counts to that month, not the next.
  const month = sql<number>`case ${sql.join(
    bounds.slice(1).map((end, i) => sql`when ${lt(payments.receivedAt, end)} then ${i}`),
    sql` `,
  )} end`;
  const rows = await getDb()
    // Net of part refunds (a fully refunded payment is no longer succeeded).
    .select({ month: month.as("month"), paid: sql<string>`sum(${payments.amountMinor} - ${payments.refundedMinor})` })
    .from(payments)
    .where(and(eq(payments.clientId, clientId), eq(payments.status, "succeeded"), eq(payments.currency, currency), gte(payments.receivedAt, bounds[0]!), lt(payments.receivedAt, bounds[months]!)))
    .groupBy(sql`month`);
  const byMonth = new Map(rows.map((r) => [Number(r.month), Number(r.paid)]));
  return starts.slice(0, months).map((start, i) => ({ month: start.slice(0, 7), paidMinor: byMonth.get(i) ?? 0 }));
}

/** How many of the client's issued invoices are in each status people see (overdue derived). */
export async function getInvoiceStatusCounts(clientId: number, today: string): Promise<{ status: DisplayStatus; count: number }[]> {
  const rows = await getDb()
    .select({ status: invoices.status, late: sql<number>`${invoices.dueDate} < ${today}`, count: sql<string>`count(*)` })
    .from(invoices)
    .where(and(eq(invoices.clientId, clientId), ne(invoices.status, "draft")))
    .groupBy(invoices.status, sql`${invoices.dueDate} < ${today}`);
  const counts = new Map<DisplayStatus, number>();
  for (const row of rows) {
    const status: DisplayStatus = Number(row.late) && (row.status === "sent" || row.status === "partially_paid") ? "overdue" : row.status;
    counts.set(status, (counts.get(status) ?? 0) + Number(row.count));
  }
  return [...counts].map(([status, count]) => ({ status, count }));
}

/** The client's own record, for its profile page. */
export async function getPortalClientDetails(clientId: number) {
  const [row] = await getDb()
    .select({ id: clients.id, name: clients.name, company: clients.company, email: clients.email, phone: clients.phone, address: clients.address, smsOptIn: clients.smsOptIn })
    .from(clients)
    .where(eq(clients.id, clientId))
    .limit(1);
  return row ?? null;
}
