import { boolean, char, date, index, mysqlEnum, mysqlTable, uniqueIndex, varchar } from "drizzle-orm/mysql-core";
import { billingIntervals } from "./services";
import { createdAt, id, money, ref, timestamp, updatedAt } from "./columns";

export const subscriptionStatuses = ["active", "paused", "cancelled"] as const;
export type SubscriptionStatus = (typeof subscriptionStatuses)[number];

export const paymentMethods = ["card", "bank_transfer", "cash", "other"] as const;
export type PaymentMethod = (typeof paymentMethods)[number];

export const subscriptions = mysqlTable(
  "subscriptions",
  {
    id: id(),
    clientId: ref("client_id").notNull(),
    serviceId: ref("service_id").notNull(),
    // Snapshotted when the client subscribes; later price changes don't apply.
    priceMinor: money("price_minor").notNull(),
    currency: char("currency", { length: 3 }).notNull(),
    interval: mysqlEnum("billing_interval", billingIntervals).notNull(),
    status: mysqlEnum("status", subscriptionStatuses).notNull().default("active"),
    paymentMethod: mysqlEnum("payment_method", paymentMethods).notNull(),
    startedAt: timestamp("started_at").notNull(),
    currentPeriodStart: date("current_period_start", { mode: "string" }).notNull(),
    currentPeriodEnd: date("current_period_end", { mode: "string" }).notNull(),
    cancelAtPeriodEnd: boolean("cancel_at_period_end").notNull().default(false),
    // A card saved on file in Stripe (Checkout in setup mode at subscribe time): billing charges it off-session.
    stripeCustomerId: varchar("stripe_customer_id", { length: 100 }),
    stripePaymentMethodId: varchar("stripe_payment_method_id", { length: 100 }),
    cancelledAt: timestamp("cancelled_at"),
    // The portal's order form sends one per opening: a replayed submit finds this row instead of ordering again.
    // Null for subscriptions made any other way (several NULLs never clash in a unique index).
    idempotencyKey: varchar("idempotency_key", { length: 100 }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("subscriptions_client_idx").on(t.clientId, t.status),
    index("subscriptions_service_idx").on(t.serviceId, t.status),
    index("subscriptions_billing_idx").on(t.status, t.currentPeriodStart),
    // Per client: a key is looked up only among the client's own orders.
    uniqueIndex("subscriptions_idempotency_uq").on(t.clientId, t.idempotencyKey),
  ],
);
