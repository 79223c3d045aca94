import "server-only";
import { eq } from "drizzle-orm";
import { cache } from "react";
import { getDb } from "@/db";
import { settings } from "@/db/schema";

export type CompanySettings = typeof settings.$inferSelect;

const DEFAULTS: CompanySettings = {
  id: 1,
  companyName: "ClientDesk",
  companyAddress: "",
  companyEmail: null,
  companyPhone: null,
  logo: null,
  defaultCurrency: "USD",
  taxRateBp: 0,
  invoicePrefix: "INV",
  dueDays: 14,
  senderName: "ClientDesk",
  minPaymentMinor: 100,
  bankInstructions: null,
  cashInstructions: null,
  updatedAt: new Date(0),
};

/** The company settings row, or defaults on a database that has none yet. Cached per request. */
export const getSettings = cache(async (): Promise<CompanySettings> => {
  const [row] = await getDb().select().from(settings).where(eq(settings.id, 1)).limit(1);
  return row ?? DEFAULTS;
});
