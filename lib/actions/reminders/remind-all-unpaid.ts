"use server";

import { getDb } from "@/db";
import { remindAllUnpaid as remindAll } from "@/lib/reminders/remind-all";
import { countReminderRun } from "@/lib/reminders/run-limit";
import { remindAllUnpaidSchema } from "@/lib/validation/reminders";
import { defineAction } from "../define-action";

/** "Remind all unpaid": every client the unpaid page lists on its tab, picked on the server, up to a run's cap. */
export const remindAllUnpaid = defineAction({
  name: "reminders.remind_all_unpaid",
  permission: "reminders:send",
  schema: remindAllUnpaidSchema,
  async handler({ show }, { actor }) {
    await countReminderRun(actor);
    return remindAll(getDb(), { overdueOnly: show === "overdue" }, actor);
  },
});
