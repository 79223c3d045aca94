import { boolean, char, index, mysqlEnum, mysqlTable, text, varchar } from "drizzle-orm/mysql-core";
import { createdAt, id, money, timestamp, updatedAt } from "./columns";

export const billingIntervals = ["one_time", "monthly", "quarterly", "yearly"] as const;
export type BillingInterval = (typeof billingIntervals)[number];

export const services = mysqlTable(
  "services",
  {
    id: id(),
    name: varchar("name", { length: 160 }).notNull(),
    description: text("description"),
    priceMinor: money("price_minor").notNull(),
    currency: char("currency", { length: 3 }).notNull(),
    interval: mysqlEnum("billing_interval", billingIntervals).notNull(),
    active: boolean("active").notNull().default(true),
    archivedAt: timestamp("archived_at"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("services_active_idx").on(t.archivedAt, t.active, t.name)],
);
