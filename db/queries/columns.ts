import { clients, invoices, payments, services, subscriptions } from "@/db/schema";

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

/** A client's own fields, as its form edits them and its audit snapshot keeps them. */
export const clientRecordColumns = {
  id: clients.id,
  name: clients.name,
  company: clients.company,
  email: clients.email,
  phone: clients.phone,
  address: clients.address,
  notes: clients.notes,
  smsOptIn: clients.smsOptIn,
  currency: clients.currency,
  userId: clients.userId,
  archivedAt: clients.archivedAt,
};

/** Whom a message about an invoice goes to, and whether it may go by SMS. */
export const clientContactColumns = {
  id: clients.id,
  name: clients.name,
  email: clients.email,
  phone: clients.phone,
  smsOptIn: clients.smsOptIn,
  archivedAt: clients.archivedAt,
};

/** A service's own fields, as its form edits them and its audit snapshot keeps them. */
export const serviceRecordColumns = {
  id: services.id,
  name: services.name,
  description: services.description,
  priceMinor: services.priceMinor,
  currency: services.currency,
  interval: services.interval,
  active: services.active,
  archivedAt: services.archivedAt,
};
