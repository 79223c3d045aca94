import "server-only";
import { and, asc, desc, eq, inArray, ne, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { clients, invoices, services, subscriptions, users } from "@/db/schema";

// Every function here takes the client id from the caller's session, never
// from the request, and puts it in the WHERE clause.

export async function getClientForUser(userId: number) {
  const [row] = await getDb()
    .select({ id: clients.id, name: clients.name, email: clients.email, smsOptIn: clients.smsOptIn })
    .from(clients)
    .where(eq(clients.userId, userId))
    .limit(1);
  return row ?? null;
}

/** For the sign-up link page only: whether the link was already used. */
export async function emailHasAccount(email: string): Promise<boolean> {
  const [row] = await getDb().select({ id: users.id }).from(users).where(eq(users.email, email)).limit(1);
  return Boolean(row);
}

export async function getClientOverview(clientId: number) {
  const db = getDb();
  const [[balance], [nextDue], activeServices, recent] = await Promise.all([
    db
      .select({
        outstanding: sql<string>`coalesce(sum(${invoices.totalMinor} - ${invoices.amountPaidMinor}), 0)`,
        currency: sql<string | null>`min(${invoices.currency})`,
      })
      .from(invoices)
      .where(and(eq(invoices.clientId, clientId), inArray(invoices.status, ["sent", "partially_paid"]))),
    db
      .select({ dueDate: invoices.dueDate })
      .from(invoices)
      .where(and(eq(invoices.clientId, clientId), inArray(invoices.status, ["sent", "partially_paid"])))
      .orderBy(asc(invoices.dueDate))
      .limit(1),
    db
      .select({
        id: subscriptions.id,
        name: services.name,
        priceMinor: subscriptions.priceMinor,
        currency: subscriptions.currency,
        interval: subscriptions.interval,
        status: subscriptions.status,
        currentPeriodEnd: subscriptions.currentPeriodEnd,
      })
      .from(subscriptions)
      .innerJoin(services, eq(services.id, subscriptions.serviceId))
      .where(and(eq(subscriptions.clientId, clientId), ne(subscriptions.status, "cancelled")))
      .orderBy(asc(services.name)),
    db
      .select({
        id: invoices.id,
        number: invoices.number,
        status: invoices.status,
        issueDate: invoices.issueDate,
        dueDate: invoices.dueDate,
        currency: invoices.currency,
        totalMinor: invoices.totalMinor,
        amountPaidMinor: invoices.amountPaidMinor,
      })
      .from(invoices)
      .where(and(eq(invoices.clientId, clientId), ne(invoices.status, "draft")))
      .orderBy(desc(invoices.issueDate), desc(invoices.id))
      .limit(6),
  ]);
  return {
    outstandingMinor: Number(balance?.outstanding ?? 0),
    currency: balance?.currency ?? null,
    nextDueDate: nextDue?.dueDate ?? null,
    activeServices,
    recentInvoices: recent,
  };
}
