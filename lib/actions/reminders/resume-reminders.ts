"use server";

import { getDb } from "@/db";
import { resumeReminders as resume } from "@/lib/reminders/pauses";
import { resumeRemindersSchema } from "@/lib/validation/reminders";
import { defineAction } from "../define-action";

/** Puts a paused client or invoice back on the automatic reminder schedule. */
export const resumeReminders = defineAction({
  name: "reminders.resume",
  permission: "reminders:pause",
  schema: resumeRemindersSchema,
  async handler(input, { actor }) {
    await resume(getDb(), input, actor);
  },
});
