"use client";

import { createContext, useContext, useEffect, useMemo, useSyncExternalStore } from "react";
import { formatDateTime, formatInstantDate, formatRelative } from "@/lib/dates";
import { TIME_ZONE_COOKIE } from "@/lib/time-zone-cookie";

// Times on pages show in the viewer's own time zone, which only the browser
// knows. The server renders them in the zone the `tz` cookie named on the
// last visit (UTC before there was one); hydration reuses exactly what the
// server rendered (useSyncExternalStore's server snapshot), so nothing
// mismatches, and then React re-renders with the browser's zone and clock.
// No inline script is needed, so the CSP stays nonce-only.

type ServerTime = { timeZone: string; now: number };

const ServerTimeContext = createContext<ServerTime>({ timeZone: "UTC", now: 0 });

let browserZone: string | undefined;
const getBrowserZone = () => (browserZone ??= Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC");
const neverChanges = () => () => {};

/** Wraps the app: the zone and instant the server rendered with, and the cookie that tells the server the browser's zone next time. */
export function ViewerTimeProvider({ timeZone, now, children }: ServerTime & { children: React.ReactNode }) {
  useEffect(() => {
    const zone = getBrowserZone();
    if (zone === timeZone) return;
    const secure = window.location.protocol === "https:" ? "; secure" : "";
    document.cookie = `${TIME_ZONE_COOKIE}=${encodeURIComponent(zone)}; path=/; max-age=31536000; samesite=lax${secure}`;
  }, [timeZone]);
  const value = useMemo(() => ({ timeZone, now }), [timeZone, now]);
  return <ServerTimeContext value={value}>{children}</ServerTimeContext>;
}

/** The viewer's time zone: the server's guess while hydrating, then the browser's. */
export function useViewerTimeZone(): string {
  const server = useContext(ServerTimeContext);
  return useSyncExternalStore(neverChanges, getBrowserZone, () => server.timeZone);
}

// One shared 30-second tick keeps every relative time on the page current.
const listeners = new Set<() => void>();
let tick: ReturnType<typeof setInterval> | undefined;
let clientNow = 0;

function subscribeToClock(listener: () => void) {
  listeners.add(listener);
  if (!tick) {
    clientNow = Date.now();
    tick = setInterval(() => {
      clientNow = Date.now();
      for (const l of listeners) l();
    }, 30_000);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) {
      clearInterval(tick);
      tick = undefined;
    }
  };
}

const getClientNow = () => clientNow || (clientNow = Date.now());

/** The current instant in milliseconds: the server's while hydrating, then the browser's, every 30 s. */
export function useNow(): number {
  const server = useContext(ServerTimeContext);
  return useSyncExternalStore(subscribeToClock, getClientNow, () => server.now);
}

const toDate = (value: Date | string) => (typeof value === "string" ? new Date(value) : value);

/**
 * An instant in the viewer's zone: "Mar 5, 2026, 09:30 AM PST", or its
 * calendar day ("Mar 5, 2026", the exact time on hover) with show="date".
 */
export function LocalTime({ value, show = "datetime", className }: { value: Date | string; show?: "datetime" | "date"; className?: string }) {
  const timeZone = useViewerTimeZone();
  const at = toDate(value);
  const exact = formatDateTime(at, { timeZone });
  return (
    <time dateTime={at.toISOString()} title={show === "date" ? exact : undefined} className={className}>
      {show === "date" ? formatInstantDate(at, { timeZone }) : exact}
    </time>
  );
}

/** For lists people scan: "2 hours ago", with the exact time in the viewer's zone on hover. */
export function RelativeTime({ value, className }: { value: Date | string; className?: string }) {
  const timeZone = useViewerTimeZone();
  const now = useNow();
  const at = toDate(value);
  return (
    <time dateTime={at.toISOString()} title={formatDateTime(at, { timeZone })} className={className}>
      {formatRelative(at, now)}
    </time>
  );
}
