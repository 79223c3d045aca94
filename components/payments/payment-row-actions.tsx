"use client";

import { ConfirmAction } from "@/components/forms/confirm-action";
import { confirmPayment } from "@/lib/actions/payments/confirm-payment";
import { rejectPayment } from "@/lib/actions/payments/reject-payment";
import type { InvoicePaymentRow } from "@/db/queries/invoices";
import { refundableMinor as leftToRefund } from "@/lib/payments/refundable";
import { RefundPaymentDialog } from "./refund-payment-dialog";

type Payment = Pick<InvoicePaymentRow, "id" | "status" | "provider" | "currency" | "amountMinor" | "refundedMinor" | "refundDue">;

/** Confirm or reject a declared payment; refund all or part of a succeeded one (or one kept to refund). Each asks first. */
export function PaymentRowActions({ payment, amount, locale }: { payment: Payment; amount: string; locale: string }) {
  const paymentId = payment.id;
  const viaStripe = payment.provider === "stripe";
  // A pending Stripe payment waits for its webhook: nobody confirms it by hand.
  if (payment.status === "pending" && viaStripe) return null;
  if (payment.status === "pending") {
    return (
      <div className="flex flex-wrap gap-2">
        <ConfirmAction
          action={confirmPayment}
          input={{ paymentId }}
          trigger="Confirm"
          triggerSize="sm"
          triggerVariant="default"
          title={`Confirm the ${amount} payment?`}
          description="Only confirm once the money is in your account. It then counts toward the invoice and the client gets a receipt."
          confirmLabel="Confirm payment"
          successMessage="Payment confirmed"
        />
        <ConfirmAction
          action={rejectPayment}
          input={{ paymentId, reason: "The money never arrived" }}
          trigger="Reject"
          triggerSize="sm"
          title={`Reject the ${amount} payment?`}
          description="Mark it as failed because the money never arrived. The invoice's balance doesn't change."
          confirmLabel="Reject payment"
          destructive
          successMessage="Payment rejected"
        />
      </div>
    );
  }
  const refundableMinor = leftToRefund(payment);
  if (refundableMinor > 0) {
    return <RefundPaymentDialog paymentId={paymentId} currency={payment.currency} locale={locale} refundableMinor={refundableMinor} viaStripe={viaStripe} refundDue={payment.refundDue} />;
  }
  return null;
}
