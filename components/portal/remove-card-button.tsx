"use client";

import { ConfirmAction } from "@/components/forms/confirm-action";
import { removeSavedCard } from "@/lib/actions/portal/remove-saved-card";

/** Removes the card saved with Stripe for one subscription, running or ended; asks first. */
export function RemoveCardButton({ id, name, card, ended = false }: { id: number; name: string; card: string; ended?: boolean }) {
  return (
    <ConfirmAction
      action={removeSavedCard}
      input={{ subscriptionId: id }}
      trigger="Remove card"
      triggerSize="sm"
      title={`Remove ${card} from ${name}?`}
      description={
        ended
          ? "This subscription has ended, so nothing is charged to the card; removing it makes Stripe forget it."
          : "We stop charging it for this subscription and Stripe forgets it. Each new invoice is then emailed to you to pay by any method."
      }
      confirmLabel="Remove card"
      destructive
      successMessage="Card removed"
    />
  );
}
