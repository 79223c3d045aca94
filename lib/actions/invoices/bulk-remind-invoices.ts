"use server";

import { getDb } from "@/db";
import { countReminderRun } from "@/lib/reminders/run-limit";
import { sendReminders } from "@/lib/reminders/send-reminders";
import { bulkInvoicesSchema } from "@/lib/validation/invoices";
import { defineAction } from "../define-action";

/** Payment reminders for the selected invoices (the reminder domain skips paid ones and repeats within a day). */
export const bulkRemindInvoices = defineAction({
  name: "invoices.bulk_remind",
  permission: "reminders:send",
  schema: bulkInvoicesSchema,
  async handler({ ids }, { actor }) {
    await countReminderRun(actor);
    return sendReminders(getDb(), { invoiceIds: ids }, actor);
  },
});
