"use server";

import { getDb } from "@/db";
import { pauseReminders as pause } from "@/lib/reminders/pauses";
import { pauseRemindersSchema } from "@/lib/validation/reminders";
import { defineAction } from "../define-action";

/** Keeps a client or an invoice out of automatic reminders, with a reason. */
export const pauseReminders = defineAction({
  name: "reminders.pause",
  permission: "reminders:pause",
  schema: pauseRemindersSchema,
  async handler(input, { actor }) {
    await pause(getDb(), input, actor);
  },
});
