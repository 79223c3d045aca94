import "server-only";
import { getSettings } from "@/db/queries/settings";
import { regionFromLocale } from "@/lib/phone";
import type { AuditFormat } from "./audit-values";

/** The business's locale, phone region and currency, which audit values are written in. */
export async function getAuditFormat(): Promise<AuditFormat> {
  const settings = await getSettings();
  return { locale: settings.locale, region: regionFromLocale(settings.locale), currency: settings.defaultCurrency };
}
