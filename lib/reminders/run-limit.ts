import "server-only";
import type { Actor } from "@/lib/actor";
import { consumeOrRefuse } from "@/lib/limits/limiter";
import { limits } from "@/lib/limits/rules";

/**
 * Counts a reminder run a person starts (a selection, the invoice list's bulk
 * remind, "remind all unpaid"), before anything is read or queued, and
 * refuses past the hour's limit. A run that finds nothing new still counts:
 * it cost the database the same reads.
 */
export async function countReminderRun(actor: Actor): Promise<void> {
  await consumeOrRefuse((wait) => `You've sent reminders ${limits.reminderRuns.points} times in the last hour. Try again in ${wait}; invoices already reminded today are skipped anyway.`, {
    rule: limits.reminderRuns,
    key: actor.id,
  });
}
