import { Badge, type BadgeProps } from "@/components/ui/badge";
import { statusLabel, type DisplayStatus } from "@/lib/invoices/status";

const variantFor: Record<DisplayStatus, BadgeProps["variant"]> = {
  draft: "muted",
  sent: "secondary",
  overdue: "destructive",
  partially_paid: "warning",
  paid: "success",
  void: "outline",
};

// The label carries the meaning; colour only repeats it.
export function InvoiceStatusBadge({ status }: { status: DisplayStatus }) {
  return <Badge variant={variantFor[status]}>{statusLabel[status]}</Badge>;
}
