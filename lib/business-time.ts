import "server-only";
import { cache } from "react";
import type { DbOrTx } from "@/db";
import { getSettings, readSettings } from "@/db/queries/settings";
import { now } from "@/lib/clock";
import { businessDay } from "@/lib/dates";

// The business's day and formats, from settings (time_zone, locale): read
// once per request here, or once per job or transaction by the code that runs it.

export type BusinessTime = { timeZone: string; locale: string };

/** The business's zone and locale, for PDFs, emails and "today". Cached per request. */
export const getBusinessTime = cache(async (): Promise<BusinessTime> => {
  const settings = await getSettings();
  return { timeZone: settings.timeZone, locale: settings.locale };
});

/** The business's calendar day now, "YYYY-MM-DD". Cached per request, so one page never sees two days. */
export const getBusinessToday = cache(async (): Promise<string> => businessDay((await getBusinessTime()).timeZone, now()));

/** The business's calendar day at `at`, read through a handle (inside a transaction, its tx). */
export async function readBusinessToday(db: DbOrTx, at: Date = now()): Promise<string> {
  return businessDay((await readSettings(db)).timeZone, at);
}
