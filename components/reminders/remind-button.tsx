"use client";

import { ConfirmAction } from "@/components/forms/confirm-action";
import { Icon } from "@/components/ui/icon";
import { sendReminders } from "@/lib/actions/reminders/send-reminders";
import { plural } from "@/lib/plural";

type Props = { clientIds?: number[]; invoiceIds?: number[]; label?: string; title: string; smsCount?: number; size?: "sm" | "default"; disabled?: boolean };

const summary = (d: { queued: number; skipped: number } | undefined) => {
  if (!d || d.queued === 0) return "Nothing was sent: each open invoice was already reminded today, or the client has no email or SMS to send to";
  const sent = `${d.queued === 1 ? "Reminder" : "Reminders"} queued for ${plural(d.queued, "invoice")}`;
  return d.skipped ? `${sent}; ${d.skipped} already reminded today or unreachable` : sent;
};

/** Sends payment reminders through the outbox for the given clients or invoices, after a confirmation. */
export function RemindButton({ clientIds = [], invoiceIds = [], label = "Send reminder", title, smsCount, size, disabled }: Props) {
  return (
    <ConfirmAction
      action={sendReminders}
      input={{ clientIds, invoiceIds }}
      triggerVariant="outline"
      triggerSize={size}
      triggerDisabled={disabled}
      trigger={
        <>
          <Icon name="bell-ring" aria-hidden="true" />
          {label}
        </>
      }
      title={title}
      description={
        <div className="grid gap-2">
          <p>
            Each open invoice gets one reminder by email
            {smsCount === undefined ? ", and by SMS where the client agreed to texts" : smsCount > 0 ? `, and by SMS to ${plural(smsCount, "client")} who agreed to texts` : ""}.
          </p>
          <p>An invoice already reminded today is skipped, so pressing this twice sends nothing twice.</p>
        </div>
      }
      confirmLabel="Send reminders"
      successMessage={summary}
    />
  );
}
