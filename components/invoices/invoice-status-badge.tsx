import { Badge, type BadgeProps } from "@/components/ui/badge";
import { statusLabel, type DisplayStatus } from "@/lib/invoices/status";

// The one map from status to look. Each status looks different from the
// others, in both themes: draft is a dashed outline (not yet real), sent is
// blue, void a plain outline.
export const invoiceBadgeVariant: Record<DisplayStatus, BadgeProps["variant"]> = {
  draft: "dashed",
  sent: "info",
  overdue: "destructive",
  partially_paid: "warning",
  paid: "success",
  void: "outline",
};

// The label carries the meaning; colour only repeats it.
export function InvoiceStatusBadge({ status }: { status: DisplayStatus }) {
  return (
    <Badge variant={invoiceBadgeVariant[status]} data-status={status}>
      {statusLabel[status]}
    </Badge>
  );
}
