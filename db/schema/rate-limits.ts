import { int, mysqlTable, varchar } from "drizzle-orm/mysql-core";
import { timestamp } from "./columns";

// Fixed-window counters for login and code limits, kept in the database so
// every app process shares them.
export const rateLimits = mysqlTable("rate_limits", {
  bucket: varchar("bucket", { length: 191 }).primaryKey(),
  windowStart: timestamp("window_start").notNull(),
  hits: int("hits").notNull(),
});
