import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { cache } from "react";
import { getDb, type DbOrTx } from "@/db";
import { auditLog, settings } from "@/db/schema";

export type CompanySettings = typeof settings.$inferSelect;

const DEFAULTS: CompanySettings = {
  id: 1,
  companyName: "ClientDesk",
  companyAddress: "",
  companyEmail: null,
  companyPhone: null,
  logo: null,
  defaultCurrency: "USD",
  locale: "en-US",
  timeZone: "UTC",
  taxRateBp: 0,
  invoicePrefix: "INV",
  dueDays: 14,
  senderName: "ClientDesk",
  minPaymentMinor: 100,
  bankInstructions: null,
  cashInstructions: null,
  requireBackOfficeSecondFactor: false,
  updatedAt: new Date(0),
};

/** The company settings row, or defaults on a database that has none yet. Cached per request. */
export const getSettings = cache(async (): Promise<CompanySettings> => readSettings(getDb()));

/**
 * The same, read through a given handle. Code inside a transaction passes its
 * tx: borrowing a second pooled connection there can starve the pool when
 * many transactions wait on one row lock (concurrent payments on an invoice).
 */
export async function readSettings(db: DbOrTx): Promise<CompanySettings> {
  const [row] = await db.select().from(settings).where(eq(settings.id, 1)).limit(1);
  return row ?? DEFAULTS;
}

/**
 * Whether anyone has ever saved the business's time zone (an audit row for
 * the settings that names it). Until then the stored zone is the untouched
 * default (UTC), and the settings form suggests the admin's own zone.
 */
export async function timeZoneEverSaved(): Promise<boolean> {
  const [row] = await getDb()
    .select({ id: auditLog.id })
    .from(auditLog)
    .where(and(eq(auditLog.entityType, "settings"), sql`json_contains_path(${auditLog.after}, 'one', '$.timeZone')`))
    .limit(1);
  return Boolean(row);
}
