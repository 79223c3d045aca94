"use server";

import { getDb } from "@/db";
import { countReminderRun } from "@/lib/reminders/run-limit";
import { sendReminders as queueReminders } from "@/lib/reminders/send-reminders";
import { remindClientsSchema } from "@/lib/validation/clients";
import { defineAction } from "../define-action";

export const sendReminders = defineAction({
  name: "reminders.send",
  permission: "reminders:send",
  schema: remindClientsSchema,
  async handler({ clientIds, invoiceIds }, { actor }) {
    await countReminderRun(actor);
    return queueReminders(getDb(), { clientIds, invoiceIds }, actor);
  },
});
