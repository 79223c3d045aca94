import { bigint, char, date, index, mysqlEnum, mysqlTable, primaryKey } from "drizzle-orm/mysql-core";
import { ref } from "./columns";
import { invoiceStatuses } from "./invoices";

// Small per-day aggregates behind the dashboard. lib/rollups keeps them in
// the same transaction as each change to the rows they count, and
// rebuildRollups() recomputes them from scratch. A few thousand rows answer
// what would otherwise be a scan of a million invoices.

const count = (name: string) => bigint(name, { mode: "number" }).notNull().default(0);

/**
 * Every invoice (drafts included), by currency, issue date, due date and
 * stored status: how many, their totals and what has been paid on them.
 */
export const rollupInvoiceDays = mysqlTable(
  "rollup_invoice_days",
  {
    currency: char("currency", { length: 3 }).notNull(),
    issueDate: date("issue_date", { mode: "string" }).notNull(),
    dueDate: date("due_date", { mode: "string" }).notNull(),
    status: mysqlEnum("status", invoiceStatuses).notNull(),
    invoiceCount: count("invoice_count"),
    totalMinor: count("total_minor"),
    paidMinor: count("paid_minor"),
  },
  (t) => [
    primaryKey({ columns: [t.currency, t.issueDate, t.dueDate, t.status] }),
    // Outstanding, overdue and aging read the open statuses by due date from this index alone.
    index("rollup_invoice_days_open_idx").on(t.currency, t.status, t.dueDate, t.invoiceCount, t.totalMinor, t.paidMinor),
    // The invoice list's count and totals for a status and an issue-date range (every currency) read a range of this index alone.
    index("rollup_invoice_days_status_issue_idx").on(t.status, t.issueDate, t.dueDate, t.currency, t.invoiceCount, t.totalMinor, t.paidMinor),
  ],
);

/** Line totals (before tax) per service on issued invoices that are not void, by issue date. */
export const rollupServiceDays = mysqlTable(
  "rollup_service_days",
  {
    currency: char("currency", { length: 3 }).notNull(),
    issueDate: date("issue_date", { mode: "string" }).notNull(),
    serviceId: ref("service_id").notNull(),
    lineCount: count("line_count"),
    amountMinor: count("amount_minor"),
  },
  (t) => [primaryKey({ columns: [t.currency, t.issueDate, t.serviceId] })],
);

/** Clients by the day they were created, and how many of those are archived now. */
export const rollupClientDays = mysqlTable("rollup_client_days", {
  day: date("day", { mode: "string" }).primaryKey(),
  createdCount: count("created_count"),
  archivedCount: count("archived_count"),
});
