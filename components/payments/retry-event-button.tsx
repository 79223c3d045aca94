"use client";

import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Icon } from "@/components/ui/icon";
import { toast } from "@/components/ui/toast";
import { retryStripeEvent } from "@/lib/actions/payments/retry-stripe-event";

/** Applies a failed Stripe event again. Safe to press twice: an event that applied changes nothing the second time. */
export function RetryEventButton({ id, type }: { id: number; type: string }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const retry = () =>
    startTransition(async () => {
      const result = await retryStripeEvent(undefined, { id });
      if (result.ok) {
        toast({ title: "Event applied", description: `The ${type} event went through this time.`, variant: "success" });
      } else {
        toast({ title: "The event failed again", description: result.formError ?? undefined, variant: "destructive" });
      }
      // The button stays busy until the list shows where the event is now.
      startTransition(() => router.refresh());
    });
  return (
    <Button type="button" size="sm" variant="outline" onClick={retry} pending={pending} aria-label={`Retry the ${type} event`}>
      {!pending && <Icon name="rotate-ccw" aria-hidden="true" />}
      Retry
    </Button>
  );
}
