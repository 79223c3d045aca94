"use client";

import { ConfirmAction } from "@/components/forms/confirm-action";
import { removeSavedCard } from "@/lib/actions/portal/remove-saved-card";

/** Removes the card saved with Stripe for one subscription; asks first. */
export function RemoveCardButton({ id, name, card }: { id: number; name: string; card: string }) {
  return (
    <ConfirmAction
      action={removeSavedCard}
      input={{ subscriptionId: id }}
      trigger="Remove card"
      triggerSize="sm"
      title={`Remove ${card} from ${name}?`}
      description="We stop charging it for this subscription and Stripe forgets it. Each new invoice is then emailed to you to pay by any method."
      confirmLabel="Remove card"
      destructive
      successMessage="Card removed"
    />
  );
}
