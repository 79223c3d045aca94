import { boolean, char, int, mysqlTable, text, tinyint, varchar } from "drizzle-orm/mysql-core";
import { money, updatedAt } from "./columns";

// A single row (id = 1) of company-wide settings.
export const settings = mysqlTable("settings", {
  id: tinyint("id", { unsigned: true }).primaryKey(),
  companyName: varchar("company_name", { length: 160 }).notNull(),
  companyAddress: varchar("company_address", { length: 500 }).notNull().default(""),
  companyEmail: varchar("company_email", { length: 255 }),
  companyPhone: varchar("company_phone", { length: 20 }),
  // An inline SVG or data: URL, so emails and PDFs never fetch a remote image.
  logo: text("logo"),
  defaultCurrency: char("default_currency", { length: 3 }).notNull().default("USD"),
  // The business's locale (BCP 47): how amounts are typed and shown, and numbers and dates on PDFs and emails.
  locale: varchar("locale", { length: 35 }).notNull().default("en-US"),
  // The business's time zone (IANA): "today", due dates, overdue, billing periods and dashboard periods.
  timeZone: varchar("time_zone", { length: 64 }).notNull().default("UTC"),
  taxRateBp: int("tax_rate_bp").notNull().default(0),
  invoicePrefix: varchar("invoice_prefix", { length: 12 }).notNull().default("INV"),
  dueDays: int("due_days").notNull().default(14),
  senderName: varchar("sender_name", { length: 120 }).notNull(),
  minPaymentMinor: money("min_payment_minor").notNull().default(100),
  bankInstructions: text("bank_instructions"),
  cashInstructions: text("cash_instructions"),
  // Admins and staff must have an authenticator app or a passkey before they can use the back office.
  requireBackOfficeSecondFactor: boolean("require_back_office_second_factor").notNull().default(false),
  updatedAt: updatedAt(),
});
