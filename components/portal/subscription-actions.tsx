"use client";

import { ConfirmAction } from "@/components/forms/confirm-action";
import { cancelSubscription } from "@/lib/actions/portal/cancel-subscription";
import { resumeSubscription } from "@/lib/actions/portal/resume-subscription";

/** Cancel at the end of the period, or undo that before it comes. Both ask first. */
export function SubscriptionActions({ id, name, periodEnd, cancelling }: { id: number; name: string; periodEnd: string; cancelling: boolean }) {
  return cancelling ? (
    <ConfirmAction
      action={resumeSubscription}
      input={{ subscriptionId: id }}
      trigger="Keep subscription"
      triggerSize="sm"
      title={`Keep ${name}?`}
      description="It renews as before and we keep invoicing you each period."
      confirmLabel="Keep it"
      successMessage={`${name} will renew as usual`}
    />
  ) : (
    <ConfirmAction
      action={cancelSubscription}
      input={{ subscriptionId: id }}
      trigger="Cancel"
      triggerSize="sm"
      title={`Cancel ${name}?`}
      description={
        <p>
          It stays active until the end of the current period, on <strong>{periodEnd}</strong>, and is not renewed after that. Invoices already issued still need paying.
        </p>
      }
      confirmLabel="Cancel subscription"
      destructive
      successMessage={`${name} ends on ${periodEnd}`}
    />
  );
}
