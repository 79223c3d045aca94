import { Badge, type BadgeProps } from "@/components/ui/badge";
import type { OutboxStatus } from "@/db/schema";

export const outboxStatusLabel: Record<OutboxStatus, string> = {
  queued: "Queued",
  sending: "Sending",
  sent: "Sent",
  captured: "Captured",
  failed: "Failed, retrying",
  dead: "Dead",
};

const variantFor: Record<OutboxStatus, BadgeProps["variant"]> = {
  queued: "secondary",
  sending: "secondary",
  sent: "success",
  captured: "outline",
  failed: "warning",
  dead: "destructive",
};

// The label carries the meaning; colour only repeats it.
export function OutboxStatusBadge({ status }: { status: OutboxStatus }) {
  return <Badge variant={variantFor[status]}>{outboxStatusLabel[status]}</Badge>;
}
