import { invoices } from "@/db/schema";

// Column sets shared by the queries, so a list row is the same shape wherever
// it is read. Spread one and add what a query needs beside it.

/** An invoice as a list row shows it: number, status, dates and amounts. */
export const invoiceSummaryColumns = {
  id: invoices.id,
  number: invoices.number,
  status: invoices.status,
  issueDate: invoices.issueDate,
  dueDate: invoices.dueDate,
  currency: invoices.currency,
  totalMinor: invoices.totalMinor,
  amountPaidMinor: invoices.amountPaidMinor,
};
