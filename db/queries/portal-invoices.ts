import "server-only";
import { and, asc, desc, eq, inArray, like, lt, ne, sql, type SQL } from "drizzle-orm";
import { getDb } from "@/db";
import { invoiceSummaryColumns, paymentSummaryColumns } from "./columns";
import { clients, invoices, payments } from "@/db/schema";
import type { PortalInvoiceFilter } from "@/lib/validation/portal";
import { OPEN_STATUSES } from "@/lib/invoices/status";

// The client's own invoices and payments. Every function takes the client id
// from the session (requireClientScope or the action's user) and puts it in
// the WHERE clause; drafts are the back office's and never show here.

export const PORTAL_INVOICE_PAGE_SIZE = 20;

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (m) => `\\${m}`);

function filterCondition(filter: PortalInvoiceFilter, today: string): SQL | undefined {
  switch (filter) {
    case "open":
      return inArray(invoices.status, [...OPEN_STATUSES]);
    case "overdue":
      return and(inArray(invoices.status, [...OPEN_STATUSES]), lt(invoices.dueDate, today));
    case "paid":
      return eq(invoices.status, "paid");
    case "void":
      return eq(invoices.status, "void");
    case "all":
      return undefined;
  }
}

export async function listPortalInvoices(clientId: number, params: { filter: PortalInvoiceFilter; q: string; page: number }, today: string) {
  const where = and(eq(invoices.clientId, clientId), ne(invoices.status, "draft"), filterCondition(params.filter, today), params.q ? like(invoices.number, `${escapeLike(params.q)}%`) : undefined);
  const db = getDb();
  const [rows, [counted]] = await Promise.all([
    db
      .select({
        ...invoiceSummaryColumns,
      })
      .from(invoices)
      .where(where)
      .orderBy(desc(invoices.issueDate), desc(invoices.id))
      .limit(PORTAL_INVOICE_PAGE_SIZE)
      .offset((params.page - 1) * PORTAL_INVOICE_PAGE_SIZE),
    db
      .select({ n: sql<string>`count(*)` })
      .from(invoices)
      .where(where),
  ]);
  return { rows, total: Number(counted?.n ?? 0) };
}

export type PortalInvoiceRow = Awaited<ReturnType<typeof listPortalInvoices>>["rows"][number];

/** One of the client's issued invoices, or null (missing, a draft, or another client's: all look the same). */
export async function getPortalInvoice(clientId: number, invoiceId: number) {
  const [row] = await getDb()
    .select(invoiceSummaryColumns)
    .from(invoices)
    .where(and(eq(invoices.id, invoiceId), eq(invoices.clientId, clientId), ne(invoices.status, "draft")))
    .limit(1);
  return row ?? null;
}

/** Every payment on one of the client's invoices, pending and declined ones too, newest first. */
export async function listPortalInvoicePayments(clientId: number, invoiceId: number) {
  return getDb()
    .select({
      ...paymentSummaryColumns,
      failureReason: payments.failureReason,
    })
    .from(payments)
    .where(and(eq(payments.invoiceId, invoiceId), eq(payments.clientId, clientId)))
    .orderBy(desc(payments.createdAt), desc(payments.id));
}

export type PortalPaymentRow = Awaited<ReturnType<typeof listPortalInvoicePayments>>[number];

/**
 * For the signed-link page (/i/<token>), which has already checked the link:
 * whose invoice it is, and whether that client can sign in to pay online.
 */
export async function getInvoicePayTarget(invoiceId: number) {
  const [row] = await getDb()
    .select({ clientId: invoices.clientId, hasLogin: sql<number>`${clients.userId} is not null` })
    .from(invoices)
    .innerJoin(clients, eq(clients.id, invoices.clientId))
    .where(eq(invoices.id, invoiceId))
    .limit(1);
  return row ? { clientId: row.clientId, hasLogin: Boolean(Number(row.hasLogin)) } : null;
}

/** The client's open invoices (sent or partly paid), oldest due first: what "Pay all" pays. At most 100. */
export async function listPortalOpenInvoices(clientId: number) {
  return getDb()
    .select(invoiceSummaryColumns)
    .from(invoices)
    .where(and(eq(invoices.clientId, clientId), inArray(invoices.status, [...OPEN_STATUSES])))
    .orderBy(asc(invoices.dueDate), asc(invoices.id))
    .limit(100);
}

export type PortalOpenInvoice = Awaited<ReturnType<typeof listPortalOpenInvoices>>[number];

/** Whether any of these payment idempotency keys was used by this client: a repeated "Pay all" submit. */
export async function anyPaymentKeyUsed(clientId: number, keys: string[]): Promise<boolean> {
  if (keys.length === 0) return false;
  const [row] = await getDb()
    .select({ id: payments.id })
    .from(payments)
    .where(and(eq(payments.clientId, clientId), inArray(payments.idempotencyKey, keys)))
    .limit(1);
  return Boolean(row);
}
