import "server-only";
import { getDb } from "@/db";
import { SYSTEM_ACTOR } from "@/lib/audit";
import { todayIso } from "@/lib/dates";
import { runBilling } from "./run";

type Schedule = { stop(): void };
const store = globalThis as unknown as { __clientdeskBillingSchedule?: Schedule };

/**
 * Runs subscription billing once per UTC day in this process, next to the
 * outbox worker: shortly after start, then whenever the date has changed. A
 * run is idempotent, so several processes doing this at once is safe.
 */
export function startBillingSchedule(options: { checkEveryMs?: number; firstRunAfterMs?: number } = {}): Schedule {
  if (store.__clientdeskBillingSchedule) return store.__clientdeskBillingSchedule;
  let lastDay: string | null = null;
  let running = false;
  const tick = async () => {
    const today = todayIso();
    if (running || today === lastDay) return;
    running = true;
    try {
      const result = await runBilling(getDb(), { actor: SYSTEM_ACTOR, today });
      lastDay = today;
      if (result.created || result.renewed || result.cancelled || result.skipped.length) {
        console.log(`[billing] ${today}: ${result.created} invoices, ${result.renewed} renewed, ${result.cancelled} cancelled, ${result.skipped.length} skipped`);
      }
      for (const s of result.skipped) console.warn(`[billing] subscription ${s.subscriptionId} skipped: ${s.reason}`);
    } catch (error) {
      // Tried again at the next check; nothing half-done is left behind (each subscription is one transaction).
      console.error("[billing] run failed", error);
    } finally {
      running = false;
    }
  };
  const first = setTimeout(tick, options.firstRunAfterMs ?? 30_000);
  const timer = setInterval(tick, options.checkEveryMs ?? 15 * 60_000);
  first.unref();
  timer.unref();
  const schedule = {
    stop() {
      clearTimeout(first);
      clearInterval(timer);
      store.__clientdeskBillingSchedule = undefined;
    },
  };
  store.__clientdeskBillingSchedule = schedule;
  return schedule;
}
