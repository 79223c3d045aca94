"use server";

import { getDb } from "@/db";
import { saveReminderSchedule } from "@/lib/reminders/schedule";
import { reminderScheduleSchema } from "@/lib/validation/reminders";
import { defineAction } from "../define-action";

/** Saves the automatic reminder schedule (its switch and steps). Admins only. */
export const updateReminderSchedule = defineAction({
  name: "reminders.update_schedule",
  permission: "reminders:schedule",
  schema: reminderScheduleSchema,
  async handler(input, { actor }) {
    await saveReminderSchedule(getDb(), input, actor);
  },
});
