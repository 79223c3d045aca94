import "server-only";
import { and, desc, eq, inArray, isNull, lt, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { clients, invoices, payments, services, users } from "@/db/schema";
import { todayIso } from "@/lib/dates";

const open = ["sent", "partially_paid"] as const;

/** Headline figures for the back-office home. Callers check "dashboard:view". */
export async function getBackOfficeTotals(today = todayIso()) {
  const db = getDb();
  const [[clientCount], [serviceCount], [staffCount], [invoiceCount], [openRow], [overdueRow], [paidRow]] = await Promise.all([
    db.select({ n: sql<number>`count(*)` }).from(clients).where(isNull(clients.archivedAt)),
    db.select({ n: sql<number>`count(*)` }).from(services).where(isNull(services.archivedAt)),
    db.select({ n: sql<number>`count(*)` }).from(users).where(and(inArray(users.role, ["admin", "staff"]), eq(users.status, "active"))),
    db.select({ n: sql<number>`count(*)` }).from(invoices),
    db
      .select({ n: sql<number>`count(*)`, amount: sql<string>`coalesce(sum(${invoices.totalMinor} - ${invoices.amountPaidMinor}), 0)` })
      .from(invoices)
      .where(inArray(invoices.status, [...open])),
    db
      .select({ n: sql<number>`count(*)`, amount: sql<string>`coalesce(sum(${invoices.totalMinor} - ${invoices.amountPaidMinor}), 0)` })
      .from(invoices)
      .where(and(inArray(invoices.status, [...open]), lt(invoices.dueDate, today))),
    db.select({ amount: sql<string>`coalesce(sum(${payments.amountMinor}), 0)` }).from(payments).where(eq(payments.status, "succeeded")),
  ]);
  return {
    clients: Number(clientCount?.n ?? 0),
    services: Number(serviceCount?.n ?? 0),
    staff: Number(staffCount?.n ?? 0),
    invoices: Number(invoiceCount?.n ?? 0),
    outstandingMinor: Number(openRow?.amount ?? 0),
    openInvoices: Number(openRow?.n ?? 0),
    overdueMinor: Number(overdueRow?.amount ?? 0),
    overdueInvoices: Number(overdueRow?.n ?? 0),
    paidMinor: Number(paidRow?.amount ?? 0),
  };
}

export async function listRecentInvoices(limit = 8) {
  return getDb()
    .select({
      id: invoices.id,
      number: invoices.number,
      status: invoices.status,
      issueDate: invoices.issueDate,
      dueDate: invoices.dueDate,
      currency: invoices.currency,
      totalMinor: invoices.totalMinor,
      amountPaidMinor: invoices.amountPaidMinor,
      clientName: clients.name,
    })
    .from(invoices)
    .innerJoin(clients, eq(clients.id, invoices.clientId))
    .orderBy(desc(invoices.issueDate), desc(invoices.id))
    .limit(limit);
}
