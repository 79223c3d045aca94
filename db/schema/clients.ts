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
    // The search indexes end in (archived_at, name), so a name-sorted search
    // of active clients reads the index alone (db/queries/clients searchPage).
    index("clients_archived_name_idx").on(t.archivedAt, t.name),
    index("clients_company_search_idx").on(t.company, t.archivedAt, t.name),
    index("clients_email_search_idx").on(t.email, t.archivedAt, t.name),
    index("clients_phone_search_idx").on(t.phone, t.archivedAt, t.name),
    index("clients_created_idx").on(t.createdAt),
    index("clients_sms_idx").on(t.smsOptIn, t.archivedAt),
  ],
);
