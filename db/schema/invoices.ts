import { char, date, index, int, mysqlEnum, mysqlTable, primaryKey, smallint, text, uniqueIndex, varchar } from "drizzle-orm/mysql-core";
import { createdAt, id, money, ref, timestamp, updatedAt } from "./columns";

// "overdue" is derived (sent or partially paid, and past due), never stored.
export const invoiceStatuses = ["draft", "sent", "partially_paid", "paid", "void"] as const;
export type InvoiceStatus = (typeof invoiceStatuses)[number];

export const invoices = mysqlTable(
  "invoices",
  {
    id: id(),
    // Null while a draft; allocated from invoice_counters when issued.
    number: varchar("number", { length: 32 }),
    clientId: ref("client_id").notNull(),
    subscriptionId: ref("subscription_id"),
    status: mysqlEnum("status", invoiceStatuses).notNull().default("draft"),
    issueDate: date("issue_date", { mode: "string" }).notNull(),
    dueDate: date("due_date", { mode: "string" }).notNull(),
    currency: char("currency", { length: 3 }).notNull(),
    subtotalMinor: money("subtotal_minor").notNull().default(0),
    taxMinor: money("tax_minor").notNull().default(0),
    discountMinor: money("discount_minor").notNull().default(0),
    totalMinor: money("total_minor").notNull().default(0),
    amountPaidMinor: money("amount_paid_minor").notNull().default(0),
    notes: text("notes"),
    // The billing period a subscription invoice covers; unique per subscription.
    periodStart: date("period_start", { mode: "string" }),
    periodEnd: date("period_end", { mode: "string" }),
    voidReason: varchar("void_reason", { length: 500 }),
    sentAt: timestamp("sent_at"),
    paidAt: timestamp("paid_at"),
    voidedAt: timestamp("voided_at"),
    createdBy: ref("created_by"),
    // Bumped on every change; the PDF cache is keyed by (id, version).
    version: int("version").notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("invoices_number_uq").on(t.number),
    uniqueIndex("invoices_subscription_period_uq").on(t.subscriptionId, t.periodStart),
    index("invoices_status_issue_idx").on(t.status, t.issueDate, t.id),
    index("invoices_status_due_idx").on(t.status, t.dueDate),
    index("invoices_client_issue_idx").on(t.clientId, t.issueDate),
    index("invoices_client_status_idx").on(t.clientId, t.status, t.dueDate),
    index("invoices_issue_idx").on(t.issueDate, t.id),
    index("invoices_due_idx").on(t.dueDate),
    index("invoices_total_idx").on(t.totalMinor),
  ],
);

export const invoiceItems = mysqlTable(
  "invoice_items",
  {
    id: id(),
    invoiceId: ref("invoice_id").notNull(),
    serviceId: ref("service_id"),
    position: smallint("position").notNull(),
    description: varchar("description", { length: 500 }).notNull(),
    // Thousandths, so 1.5 hours is 1500.
    quantityMilli: int("quantity_milli").notNull(),
    unitPriceMinor: money("unit_price_minor").notNull(),
    taxRateBp: int("tax_rate_bp").notNull().default(0),
    // quantity × unit price, before tax.
    lineTotalMinor: money("line_total_minor").notNull(),
    taxMinor: money("tax_minor").notNull().default(0),
  },
  (t) => [index("invoice_items_invoice_idx").on(t.invoiceId, t.position), index("invoice_items_service_idx").on(t.serviceId)],
);

// One row per (prefix, year): issuing locks it FOR UPDATE, so numbers never collide.
export const invoiceCounters = mysqlTable(
  "invoice_counters",
  {
    prefix: varchar("prefix", { length: 12 }).notNull(),
    year: smallint("year").notNull(),
    lastSeq: int("last_seq").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.prefix, t.year] })],
);

export const invoiceLinks = mysqlTable(
  "invoice_links",
  {
    id: id(),
    invoiceId: ref("invoice_id").notNull(),
    tokenHash: char("token_hash", { length: 64 }).notNull(),
    expiresAt: timestamp("expires_at").notNull(),
    revokedAt: timestamp("revoked_at"),
    firstViewedAt: timestamp("first_viewed_at"),
    lastViewedAt: timestamp("last_viewed_at"),
    createdBy: ref("created_by"),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("invoice_links_token_uq").on(t.tokenHash), index("invoice_links_invoice_idx").on(t.invoiceId)],
);
