import "server-only";
import { and, asc, desc, eq, inArray, isNull, or, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/mysql-core";
import { getDb } from "@/db";
import { prepared } from "@/db/prepared";
import { clientContactColumns, paymentSummaryColumns } from "./columns";
import { invoiceDocumentColumns } from "./invoice-document";
import { auditLog, clients, invoiceItems, invoiceLinks, invoices, payments, services, users } from "@/db/schema";

// Back-office reads of one invoice. Callers check "invoices:read" (or, for
// a client, that the invoice is theirs via getInvoiceAccess).

/** The few columns an access check needs: who owns it and whether it is issued. */
export async function getInvoiceAccess(invoiceId: number) {
  const [row] = await getDb()
    .select({ id: invoices.id, clientId: invoices.clientId, status: invoices.status, number: invoices.number, version: invoices.version, currency: invoices.currency })
    .from(invoices)
    .where(eq(invoices.id, invoiceId))
    .limit(1);
  return row ?? null;
}

const p = sql.placeholder;

// The invoice page's own reads are built once (db/prepared.ts): it is the
// back office's most viewed page after the lists.
const detailQuery = prepared((db) =>
  db
    .select({
      ...invoiceDocumentColumns.invoice,
      sentAt: invoices.sentAt,
      paidAt: invoices.paidAt,
      voidedAt: invoices.voidedAt,
      subscriptionId: invoices.subscriptionId,
      createdAt: invoices.createdAt,
      client: { ...clientContactColumns, ...invoiceDocumentColumns.client },
    })
    .from(invoices)
    .innerJoin(clients, eq(clients.id, invoices.clientId))
    .where(eq(invoices.id, p("invoiceId")))
    .limit(1)
    .prepare(),
);

/** One invoice with its client, as its page shows it: with every column of the document too (see documentRowOf). */
export async function getInvoiceDetail(invoiceId: number) {
  const [row] = await detailQuery().execute({ invoiceId });
  return row ?? null;
}

export type InvoiceDetail = NonNullable<Awaited<ReturnType<typeof getInvoiceDetail>>>;

/** A draft with its lines, for the edit form. Null unless it exists and is still a draft. */
export async function getDraftForEdit(invoiceId: number) {
  const db = getDb();
  const [row] = await db
    .select({
      id: invoices.id,
      clientId: invoices.clientId,
      currency: invoices.currency,
      issueDate: invoices.issueDate,
      dueDate: invoices.dueDate,
      discountMinor: invoices.discountMinor,
      notes: invoices.notes,
      version: invoices.version,
      status: invoices.status,
    })
    .from(invoices)
    .where(eq(invoices.id, invoiceId))
    .limit(1);
  if (!row) return null;
  const lines = await db
    .select({
      serviceId: invoiceItems.serviceId,
      description: invoiceItems.description,
      quantityMilli: invoiceItems.quantityMilli,
      unitPriceMinor: invoiceItems.unitPriceMinor,
      taxRateBp: invoiceItems.taxRateBp,
    })
    .from(invoiceItems)
    .where(eq(invoiceItems.invoiceId, invoiceId))
    .orderBy(asc(invoiceItems.position));
  return { ...row, lines };
}

export type DraftForEdit = NonNullable<Awaited<ReturnType<typeof getDraftForEdit>>>;

/** Services that can go on a line: not archived, active first. */
export async function listServicesForLines() {
  return getDb()
    .select({ id: services.id, name: services.name, priceMinor: services.priceMinor, currency: services.currency, active: services.active })
    .from(services)
    .where(isNull(services.archivedAt))
    .orderBy(desc(services.active), asc(services.name))
    .limit(500);
}

export async function getClientOption(clientId: number) {
  const [row] = await getDb().select({ id: clients.id, name: clients.name, email: clients.email, currency: clients.currency }).from(clients).where(eq(clients.id, clientId)).limit(1);
  return row ?? null;
}

const recorder = alias(users, "recorder");
const paymentsQuery = prepared((db) =>
  db
    .select({
      ...paymentSummaryColumns,
      refundedAt: payments.refundedAt,
      failureReason: payments.failureReason,
      provider: payments.provider,
      providerRef: payments.providerRef,
      refundedMinor: payments.refundedMinor,
      refundDue: payments.refundDue,
      recordedByName: recorder.name,
    })
    .from(payments)
    .leftJoin(recorder, eq(recorder.id, payments.recordedBy))
    .where(eq(payments.invoiceId, p("invoiceId")))
    .orderBy(desc(payments.createdAt), desc(payments.id))
    .prepare(),
);

/** Every payment on an invoice, any status, newest first, with who recorded it. */
export async function listInvoicePayments(invoiceId: number) {
  return paymentsQuery().execute({ invoiceId });
}

export type InvoicePaymentRow = Awaited<ReturnType<typeof listInvoicePayments>>[number];

const linksQuery = prepared((db) =>
  db
    .select({
      id: invoiceLinks.id,
      createdAt: invoiceLinks.createdAt,
      expiresAt: invoiceLinks.expiresAt,
      revokedAt: invoiceLinks.revokedAt,
      firstViewedAt: invoiceLinks.firstViewedAt,
      lastViewedAt: invoiceLinks.lastViewedAt,
    })
    .from(invoiceLinks)
    .where(eq(invoiceLinks.invoiceId, p("invoiceId")))
    .orderBy(desc(invoiceLinks.createdAt), desc(invoiceLinks.id))
    .limit(20)
    .prepare(),
);

/** The invoice's private links, newest first (the last 20). */
export async function listInvoiceLinks(invoiceId: number) {
  return linksQuery().execute({ invoiceId });
}

/**
 * The invoice's audit history, its payments' entries included, newest first.
 * A page that has read the invoice's payments passes their ids.
 */
export async function listInvoiceHistory(invoiceId: number, { limit = 100, paymentIds }: { limit?: number; paymentIds?: number[] } = {}) {
  const db = getDb();
  paymentIds ??= (await db.select({ id: payments.id }).from(payments).where(eq(payments.invoiceId, invoiceId))).map((p) => p.id);
  return db
    .select({ id: auditLog.id, action: auditLog.action, at: auditLog.at, actorRole: auditLog.actorRole, actorName: users.name, after: auditLog.after, before: auditLog.before })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorUserId))
    .where(
      or(and(eq(auditLog.entityType, "invoice"), eq(auditLog.entityId, invoiceId)), paymentIds.length ? and(eq(auditLog.entityType, "payment"), inArray(auditLog.entityId, paymentIds)) : undefined),
    )
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(limit);
}

export type InvoiceHistoryRow = Awaited<ReturnType<typeof listInvoiceHistory>>[number];
