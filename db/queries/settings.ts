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

/** This request's settings, read at most once (outside a request, React's cache keeps nothing and each call reads). */
const requestSettings = cache((): { current?: Promise<CompanySettings> } => ({}));

/** The company settings row, or defaults on a database that has none yet. Read once per request. */
export function getSettings(): Promise<CompanySettings> {
  const slot = requestSettings();
  return (slot.current ??= readSettings(getDb()));
}

/**
 * Settings read in this request alongside something else (the session read
 * joins the row), so that getSettings needn't read them again. A null (no
 * row came back with it) leaves the reading to getSettings.
 */
export function shareRequestSettings(read: Promise<CompanySettings | null>): void {
  const slot = requestSettings();
  if (slot.current) return;
  const settled = read.then((row) => row ?? readSettings(getDb()));
  // Whoever awaits it sees a failure; nobody awaiting it is not an unhandled rejection.
  settled.catch(() => {});
  slot.current = settled;
}

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
