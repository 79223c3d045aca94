"use client";

import { ConfirmAction } from "@/components/forms/confirm-action";
import { Icon } from "@/components/ui/icon";
import { runReminders } from "@/lib/actions/reminders/run-reminders";
import { plural } from "@/lib/plural";

/** Runs today's automatic reminders now, as the daily schedule would. Safe to press twice. */
export function RunRemindersButton() {
  return (
    <ConfirmAction
      action={runReminders}
      input={{}}
      trigger={
        <>
          <Icon name="send" aria-hidden="true" />
          Run reminders now
        </>
      }
      title="Send today’s reminders now?"
      description="Every open invoice that has reached a step of the schedule today gets it, as the daily run would. Steps already sent are skipped, so running it again sends nothing new."
      confirmLabel="Run reminders"
      successMessage={(d) => (!d?.enabled ? "Automatic reminders are off: nothing sent" : d.invoices ? `${plural(d.invoices, "invoice")} reminded` : "Nothing to send: every invoice is up to date")}
    />
  );
}
