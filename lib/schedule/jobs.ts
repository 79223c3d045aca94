import "server-only";
import { getDb } from "@/db";
import { SYSTEM_ACTOR } from "@/lib/audit";
import { runBilling } from "@/lib/billing/run";
import { env } from "@/lib/env";
import { runReminderSchedule } from "@/lib/reminders/run";
import { describeRetention, runRetention } from "@/lib/retention/run";
import type { DailyJob } from "./daily";

/** Subscription billing: the invoices every active subscription owes for the period containing today. */
export const billingJob: DailyJob = {
  name: "billing",
  async run(today) {
    const result = await runBilling(getDb(), { actor: SYSTEM_ACTOR, today });
    if (result.created || result.renewed || result.cancelled || result.skipped.length) {
      console.log(`[billing] ${today}: ${result.created} invoices, ${result.renewed} renewed, ${result.cancelled} cancelled, ${result.skipped.length} skipped`);
    }
    for (const s of result.skipped) console.warn(`[billing] subscription ${s.subscriptionId} skipped: ${s.reason}`);
  },
};

/** Automatic payment reminders: the dunning schedule's step each open invoice reached today (lib/reminders/run). After billing, so today's new invoices are seen. */
export const remindersJob: DailyJob = {
  name: "reminders",
  async run(today) {
    const result = await runReminderSchedule(getDb(), { today });
    if (result.invoices) console.log(`[reminders] ${today}: ${result.invoices} invoices reminded, ${result.messages} messages queued`);
  },
};

/** Retention: old message bodies, dead codes and tokens, expired sessions and counters (lib/retention). */
export const retentionJob: DailyJob = {
  name: "retention",
  async run(today) {
    const summary = describeRetention(await runRetention(getDb(), { outboxDays: env().OUTBOX_RETENTION_DAYS }));
    if (summary) console.log(`[retention] ${today}: ${summary}`);
  },
};

export const dailyJobs: DailyJob[] = [billingJob, remindersJob, retentionJob];
