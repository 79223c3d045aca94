"use server";

import { getDb } from "@/db";
import { runReminderSchedule } from "@/lib/reminders/run";
import { runRemindersSchema } from "@/lib/validation/reminders";
import { defineAction } from "../define-action";

/** Runs today's automatic reminders now, as the daily schedule would; running it again queues nothing new. */
export const runReminders = defineAction({
  name: "reminders.run",
  permission: "reminders:run",
  schema: runRemindersSchema,
  async handler() {
    const result = await runReminderSchedule(getDb());
    return { enabled: result.enabled, invoices: result.invoices, messages: result.messages };
  },
});
