import { EmptyState } from "@/components/ui/empty-state";
import { Badge, type BadgeProps } from "@/components/ui/badge";
import { Icon } from "@/components/ui/icon";
import type { InvoicePaymentRow } from "@/db/queries/invoices";
import type { PaymentStatus } from "@/db/schema";
import { LocalTime } from "@/components/time/viewer-time";
import { formatMoney } from "@/lib/money";
import { hasReceipt, methodLabel, paymentStatusLabel } from "@/lib/payments/labels";
import { stripeDashboardUrl } from "@/lib/payments/stripe/client";
import { PaymentRowActions } from "./payment-row-actions";
import { ProviderReference } from "./provider-reference";

const variant: Record<PaymentStatus, BadgeProps["variant"]> = { pending: "warning", succeeded: "success", failed: "destructive", refunded: "outline" };

/** An invoice's payments, any status, with confirm, reject and refund where they apply. */
export function PaymentList({ payments, canManage, locale }: { payments: InvoicePaymentRow[]; canManage: boolean; locale: string }) {
  if (payments.length === 0)
    return <EmptyState icon={<Icon name="credit-card" />} title="No payments yet" description="Ones you record, and ones the client makes, show up here." className="py-6 sm:py-8" />;
  return (
    <ul className="divide-y">
      {payments.map((p) => {
        const amount = formatMoney(p.amountMinor, p.currency, locale);
        return (
          <li key={p.id} className="grid gap-2 py-3 first:pt-0 last:pb-0">
            <div className="flex items-start justify-between gap-3">
              <div className="min-w-0">
                <p className="font-medium tabular-nums">{amount}</p>
                <p className="text-xs text-muted-foreground">
                  {methodLabel[p.method]} ·{" "}
                  {p.receivedAt ? (
                    <LocalTime value={p.receivedAt} show="date" />
                  ) : (
                    <>
                      declared <LocalTime value={p.createdAt} show="date" />
                    </>
                  )}
                  {p.reference ? ` · ${p.reference}` : ""}
                </p>
                <p className="text-xs text-muted-foreground">{p.recordedByName ? `Recorded by ${p.recordedByName}` : "Paid by the client"}</p>
                {p.providerRef && (
                  <p className="text-xs text-muted-foreground">
                    {p.provider === "stripe" ? "Stripe" : "Provider"} reference:{" "}
                    <ProviderReference providerRef={p.providerRef} url={p.provider === "stripe" ? stripeDashboardUrl(p.providerRef) : null} />
                  </p>
                )}
                {p.refundedMinor > 0 && p.status === "succeeded" && <p className="text-xs text-muted-foreground">{formatMoney(p.refundedMinor, p.currency, locale)} refunded</p>}
                {p.failureReason && <p className="text-xs text-destructive">{p.failureReason}</p>}
              </div>
              <Badge variant={variant[p.status]}>{paymentStatusLabel[p.status]}</Badge>
            </div>
            <div className="flex flex-wrap items-center gap-2">
              {canManage && <PaymentRowActions payment={p} amount={amount} locale={locale} />}
              {hasReceipt(p.status) && (
                <a href={`/api/payments/${p.id}/receipt`} className="inline-flex items-center gap-1 text-sm text-primary underline-offset-4 hover:underline" download>
                  <Icon name="download" className="size-3.5" aria-hidden="true" />
                  Receipt
                </a>
              )}
            </div>
          </li>
        );
      })}
    </ul>
  );
}
