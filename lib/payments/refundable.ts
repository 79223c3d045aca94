import type { PaymentStatus } from "@/db/schema";

/**
 * What is left to refund on a payment: the rest of a succeeded one, or of one
 * kept to refund (it overshot the invoice); nothing on any other. The refund
 * dialog is drawn with it and sends it back, and the server refuses a refund
 * made on a figure that is no longer this (lib/actions/payments/refund-payment.ts,
 * again in ./settle.ts, under the payment's lock, and in ./stripe/refund.ts),
 * so both sides read it here.
 */
export function refundableMinor(payment: { status: PaymentStatus; refundDue: boolean; amountMinor: number; refundedMinor: number }): number {
  return payment.status === "succeeded" || payment.refundDue ? payment.amountMinor - payment.refundedMinor : 0;
}
