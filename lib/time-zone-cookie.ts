import { isTimeZone } from "@/lib/dates";

// The viewer's time zone travels in a cookie that components/time sets from
// the browser, so the server can render times in it on the next page. It only
// changes how times are shown, never what a day is for the business.

export const TIME_ZONE_COOKIE = "tz";

/** The zone a cookie names, or null for a missing or unknown one. */
export function readTimeZoneCookie(value: string | undefined): string | null {
  return isTimeZone(value) ? value : null;
}
