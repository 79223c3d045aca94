"use client";

import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Icon } from "@/components/ui/icon";
import { toast } from "@/components/ui/toast";
import { retryMessage } from "@/lib/actions/outbox/retry-message";

/** "Retry now" for a failed or dead message: queues it again and refreshes the page to show it. */
export function RetryButton({ id }: { id: number }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const retry = () =>
    startTransition(async () => {
      const result = await retryMessage(undefined, { id });
      if (result.ok) {
        toast({ title: "Queued again", description: "A worker sends it within a few seconds.", variant: "success" });
        // The button stays busy until the page shows the message queued again.
        startTransition(() => router.refresh());
      } else {
        toast({ title: "Couldn't retry this message", description: result.formError ?? undefined, variant: "destructive" });
      }
    });
  return (
    <Button type="button" onClick={retry} pending={pending}>
      {!pending && <Icon name="rotate-ccw" aria-hidden="true" />}
      Retry now
    </Button>
  );
}
