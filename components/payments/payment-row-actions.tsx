"use client";

import { ConfirmAction } from "@/components/forms/confirm-action";
import { confirmPayment } from "@/lib/actions/payments/confirm-payment";
import { refundPayment } from "@/lib/actions/payments/refund-payment";
import { rejectPayment } from "@/lib/actions/payments/reject-payment";
import type { PaymentStatus } from "@/db/schema";

/** Confirm or reject a declared payment; refund a succeeded one. Each asks first. */
export function PaymentRowActions({ paymentId, status, amount }: { paymentId: number; status: PaymentStatus; amount: string }) {
  if (status === "pending") {
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
  if (status === "succeeded") {
    return (
      <ConfirmAction
        action={refundPayment}
        input={{ paymentId }}
        trigger="Refund"
        triggerSize="sm"
        title={`Refund ${amount}?`}
        description="Record that this money went back to the client. The invoice's balance goes up by this amount. Send the money itself through your bank or card provider."
        confirmLabel="Record refund"
        destructive
        successMessage="Refund recorded"
      />
    );
  }
  return null;
}
