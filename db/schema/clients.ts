import { boolean, char, index, mysqlTable, text, uniqueIndex, varchar } from "drizzle-orm/mysql-core";
import { createdAt, id, ref, timestamp, updatedAt } from "./columns";

export const clients = mysqlTable(
  "clients",
  {
    id: id(),
    name: varchar("name", { length: 160 }).notNull(),
    company: varchar("company", { length: 160 }),
    email: varchar("email", { length: 255 }),
    phone: varchar("phone", { length: 20 }),
    address: varchar("address", { length: 500 }),
    notes: text("notes"),
    smsOptIn: boolean("sms_opt_in").notNull().default(false),
    // The client's billing currency: new invoices and subscriptions use it (the business currency when created).
    currency: char("currency", { length: 3 }).notNull().default("USD"),
    // The portal login, when the client has one.
    userId: ref("user_id"),
    archivedAt: timestamp("archived_at"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("clients_user_uq").on(t.userId),
    // Prefix search (name, company, email, phone) and sorted lists run on these.
    index("clients_archived_name_idx").on(t.archivedAt, t.name),
    index("clients_company_idx").on(t.company),
    index("clients_email_idx").on(t.email),
    index("clients_phone_idx").on(t.phone),
    index("clients_created_idx").on(t.createdAt),
    index("clients_sms_idx").on(t.smsOptIn, t.archivedAt),
  ],
);
