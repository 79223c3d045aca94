import "server-only";
import { cookies } from "next/headers";
import { cache } from "react";
import { readTimeZoneCookie, TIME_ZONE_COOKIE } from "@/lib/time-zone-cookie";

/**
 * The viewer's time zone as the browser last reported it, or UTC before it
 * has. Pages render times in it, and the browser corrects them after loading
 * if it is wrong (components/time), so it is a first guess, never trusted
 * for anything but display and the viewer's own date filters.
 */
export const getViewerTimeZone = cache(async (): Promise<string> => readTimeZoneCookie((await cookies()).get(TIME_ZONE_COOKIE)?.value) ?? "UTC");
