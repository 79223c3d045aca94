import { Badge, type BadgeProps } from "@/components/ui/badge";
import { Icon } from "@/components/ui/icon";
import type { PortalPaymentRow } from "@/db/queries/portal-invoices";
import type { PaymentStatus } from "@/db/schema";
import { LocalTime } from "@/components/time/viewer-time";
import { formatMoney } from "@/lib/money";
import { hasReceipt, methodLabel } from "@/lib/payments/labels";

const label: Record<PaymentStatus, string> = { pending: "Awaiting confirmation", succeeded: "Paid", failed: "Declined", refunded: "Refunded" };
const variant: Record<PaymentStatus, BadgeProps["variant"]> = { pending: "warning", succeeded: "success", failed: "destructive", refunded: "outline" };

/** The client's payments on one invoice, declined and pending ones too, with a receipt for each that went through. */
export function InvoicePayments({ payments, locale }: { payments: PortalPaymentRow[]; locale: string }) {
  if (payments.length === 0) return <p className="text-sm text-muted-foreground">No payments yet.</p>;
  return (
    <ul className="divide-y">
      {payments.map((p) => (
        <li key={p.id} className="flex items-start justify-between gap-3 py-3 first:pt-0 last:pb-0">
          <div className="min-w-0 text-sm">
            <p className="font-medium tabular-nums">{formatMoney(p.amountMinor, p.currency, locale)}</p>
            <p className="text-xs text-muted-foreground">
              {methodLabel[p.method]} · <LocalTime value={p.receivedAt ?? p.createdAt} show="date" />
              {p.reference ? ` · ${p.reference}` : ""}
            </p>
            {p.status === "failed" && p.failureReason && <p className="text-xs text-destructive">{p.failureReason}</p>}
            {hasReceipt(p.status) && (
              <a href={`/api/payments/${p.id}/receipt`} className="mt-1 inline-flex items-center gap-1 text-xs font-medium text-primary underline-offset-4 hover:underline" download>
                <Icon name="download" className="size-3" aria-hidden="true" />
                Receipt
              </a>
            )}
          </div>
          <Badge variant={variant[p.status]}>{p.status === "pending" && p.method === "card" ? "Processing" : label[p.status]}</Badge>
        </li>
      ))}
    </ul>
  );
}
