"use client";

import { ConfirmAction } from "@/components/forms/confirm-action";
import { Icon } from "@/components/ui/icon";
import { remindAllUnpaid } from "@/lib/actions/reminders/remind-all-unpaid";
import { plural } from "@/lib/plural";
import { REMIND_ALL_MAX } from "@/lib/validation/choices";

type Result = { queued: number; skipped: number; remaining: number };

/** The toast: what went out, what was skipped, and whether another press is needed. */
export function remindAllSummary(d: Result | undefined): string {
  if (!d) return "Reminders sent";
  const sent = d.queued === 0 ? "Nothing new to send" : `${d.queued === 1 ? "Reminder" : "Reminders"} queued for ${plural(d.queued, "invoice")}`;
  const skipped = d.skipped ? `; ${d.skipped.toLocaleString("en-US")} skipped (already reminded today or no email or SMS)` : "";
  const more = d.remaining ? `. ${plural(d.remaining, "more invoice")} to go: press Remind all again to send the next ones` : "";
  return `${sent}${skipped}${more}`;
}

/**
 * Reminds every client on the unpaid page's current tab (all unpaid, or
 * overdue only), across every page of the list. The server picks them, so
 * `count` only labels the button and the question.
 */
export function RemindAllButton({ count, overdueOnly }: { count: number; overdueOnly: boolean }) {
  const which = overdueOnly ? "overdue" : "unpaid";
  const who = count === 1 ? "the 1 client" : `all ${plural(count, "client")}`;
  return (
    <ConfirmAction
      action={remindAllUnpaid}
      input={{ show: overdueOnly ? "overdue" : "all" }}
      triggerSize="sm"
      triggerDisabled={count === 0}
      trigger={
        <>
          <Icon name="bell-ring" aria-hidden="true" />
          Remind all {which} ({count.toLocaleString("en-US")})
        </>
      }
      title={`Send a payment reminder to ${who} with ${overdueOnly ? "an overdue" : "an open"} balance?`}
      description={
        <div className="grid gap-2">
          <p>Invoices already reminded today are skipped.</p>
          <p>
            Each {overdueOnly ? "overdue" : "open"} invoice gets one reminder by email, and by SMS where the client agreed to texts. One press sends at most {plural(REMIND_ALL_MAX, "invoice")}, most
            overdue first; press again for the rest.
          </p>
        </div>
      }
      confirmLabel="Send reminders"
      successMessage={remindAllSummary}
    />
  );
}
