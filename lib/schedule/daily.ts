import "server-only";
import { getDb } from "@/db";
import { readBusinessToday } from "@/lib/business-time";
import { now as clockNow } from "@/lib/clock";
import { dailyJobs } from "./jobs";

/** A task for once a business day. It must be idempotent: every process that runs the schedule runs it. */
export type DailyJob = { name: string; run(today: string): Promise<void> };

export type DailySchedule = { stop(): void };

const store = globalThis as unknown as { __clientdeskDailySchedule?: DailySchedule };

/**
 * Runs each job once per business day in this process, next to the outbox
 * worker: shortly after start, then at the first check after the date
 * changes in the business's time zone (read from settings at each check, so
 * a new zone counts from the next one). The jobs run one after another; one
 * that fails is tried again at the next check while the others go on. Each
 * job is idempotent (billing bills a period once, retention finds nothing
 * left the second time), so any number of processes may run the schedule at
 * once. One schedule per process: `next dev` reloading instrumentation gets
 * the running one back.
 */
export function startDailySchedule(options: { jobs?: DailyJob[]; checkEveryMs?: number; firstRunAfterMs?: number; now?: () => Date } = {}): DailySchedule {
  if (store.__clientdeskDailySchedule) return store.__clientdeskDailySchedule;
  const jobs = options.jobs ?? dailyJobs;
  const now = options.now ?? clockNow;
  const lastDay = new Map<string, string>();
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      let today: string;
      try {
        today = await readBusinessToday(getDb(), now());
      } catch (error) {
        console.error("[schedule] couldn't read the business's day", error);
        return;
      }
      for (const job of jobs) {
        if (lastDay.get(job.name) === today) continue;
        try {
          await job.run(today);
          lastDay.set(job.name, today);
        } catch (error) {
          // Tried again at the next check; each job leaves nothing half-done.
          console.error(`[${job.name}] daily run failed`, error);
        }
      }
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
      store.__clientdeskDailySchedule = undefined;
    },
  };
  store.__clientdeskDailySchedule = schedule;
  return schedule;
}
