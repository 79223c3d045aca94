import { invoices, payments, services, subscriptions } from "@/db/schema";

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

/** A payment as its lists show it: amount, method, status and when. */
export const paymentSummaryColumns = {
  id: payments.id,
  amountMinor: payments.amountMinor,
  currency: payments.currency,
  method: payments.method,
  status: payments.status,
  reference: payments.reference,
  receivedAt: payments.receivedAt,
  createdAt: payments.createdAt,
};

/** A subscription as its lists show it, with its service's name (join services). */
export const subscriptionSummaryColumns = {
  id: subscriptions.id,
  serviceName: services.name,
  priceMinor: subscriptions.priceMinor,
  currency: subscriptions.currency,
  interval: subscriptions.interval,
  status: subscriptions.status,
  currentPeriodEnd: subscriptions.currentPeriodEnd,
};

/** The same, with its dates and how it ends, for the pages that manage it. */
export const subscriptionColumns = {
  ...subscriptionSummaryColumns,
  startedAt: subscriptions.startedAt,
  cancelAtPeriodEnd: subscriptions.cancelAtPeriodEnd,
  cancelledAt: subscriptions.cancelledAt,
};
