"use client";

import { ReasonConfirmPopup } from "@/components/forms/reason-confirm-popup";
import { pauseReminders } from "@/lib/actions/reminders/pause-reminders";

export type PauseRemindersProps = { target: "invoice" | "client"; id: number; name: string };

/**
 * Keeps an invoice, or all of a client's invoices, out of automatic reminders,
 * saying why. Loaded on first use by pause-reminders-dialog.tsx, open from the
 * start because the person clicked; `trigger` is that same button.
 */
export function PauseRemindersPopup({ target, id, name, trigger }: PauseRemindersProps & { trigger: React.ReactElement }) {
  return (
    <ReasonConfirmPopup
      trigger={trigger}
      title={`Pause automatic reminders for ${name}?`}
      description={`${target === "client" ? "None of this client’s invoices" : "This invoice"} will get scheduled reminders until someone resumes them. Resumed, an invoice gets only the latest step it has reached. Manual reminders still work.`}
      fieldId={`pause-reason-${target}`}
      hint="The team sees it on the invoice and client pages."
      placeholder="e.g. Disputed, waiting for a purchase order"
      maxLength={300}
      problem={(reason) => (reason.trim() ? null : "Say why reminders stop, for the team")}
      submit={(reason) => pauseReminders(undefined, { target, id, reason })}
      successTitle={`Automatic reminders paused for ${name}`}
      cancelLabel="Cancel"
      confirmLabel="Pause reminders"
    />
  );
}
