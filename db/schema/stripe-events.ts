import { int, mediumtext, mysqlEnum, mysqlTable, index, uniqueIndex, varchar } from "drizzle-orm/mysql-core";
import { createdAt, id, timestamp, updatedAt } from "./columns";

export const stripeEventStatuses = ["processing", "processed", "failed"] as const;
export type StripeEventStatus = (typeof stripeEventStatuses)[number];

/**
 * Every signed Stripe webhook event, once per event id: a redelivered event
 * finds its row and does nothing again. A failed one keeps its payload and
 * error for the back office to retry.
 */
export const stripeEvents = mysqlTable(
  "stripe_events",
  {
    id: id(),
    eventId: varchar("event_id", { length: 100 }).notNull(),
    type: varchar("type", { length: 100 }).notNull(),
    status: mysqlEnum("status", stripeEventStatuses).notNull(),
    attempts: int("attempts").notNull().default(1),
    lastError: varchar("last_error", { length: 500 }),
    payload: mediumtext("payload").notNull(),
    processedAt: timestamp("processed_at"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("stripe_events_event_uq").on(t.eventId), index("stripe_events_status_idx").on(t.status, t.createdAt)],
);
