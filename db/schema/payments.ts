import { boolean, char, index, mysqlEnum, mysqlTable, uniqueIndex, varchar } from "drizzle-orm/mysql-core";
import { createdAt, id, money, ref, timestamp, updatedAt } from "./columns";
import { paymentMethods } from "./subscriptions";

export const paymentStatuses = ["pending", "succeeded", "failed", "refunded"] as const;
export type PaymentStatus = (typeof paymentStatuses)[number];

export const payments = mysqlTable(
  "payments",
  {
    id: id(),
    invoiceId: ref("invoice_id").notNull(),
    clientId: ref("client_id").notNull(),
    amountMinor: money("amount_minor").notNull(),
    currency: char("currency", { length: 3 }).notNull(),
    method: mysqlEnum("method", paymentMethods).notNull(),
    status: mysqlEnum("status", paymentStatuses).notNull(),
    reference: varchar("reference", { length: 120 }),
    provider: varchar("provider", { length: 30 }),
    providerRef: varchar("provider_ref", { length: 120 }),
    failureReason: varchar("failure_reason", { length: 300 }),
    receivedAt: timestamp("received_at"),
    // Null when the client paid through the portal.
    recordedBy: ref("recorded_by"),
    refundedAt: timestamp("refunded_at"),
    // Card refunds settled so far, in minor units (a provider may refund part of a payment).
    refundedMinor: money("refunded_minor").notNull().default(0),
    // Money the provider took that the invoice could not take (it would have overshot the balance): staff must refund it.
    refundDue: boolean("refund_due").notNull().default(false),
    refundedBy: ref("refunded_by"),
    idempotencyKey: varchar("idempotency_key", { length: 100 }).notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("payments_idempotency_uq").on(t.idempotencyKey),
    // One payment per provider charge (a Stripe payment intent), however often its webhooks arrive.
    uniqueIndex("payments_provider_ref_uq").on(t.provider, t.providerRef),
    index("payments_invoice_idx").on(t.invoiceId, t.status),
    index("payments_client_idx").on(t.clientId, t.receivedAt),
    index("payments_status_received_idx").on(t.status, t.receivedAt),
  ],
);
