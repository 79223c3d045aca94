import type { PaymentMethod, PaymentStatus } from "@/db/schema";

export const methodLabel: Record<PaymentMethod, string> = { card: "Card", bank_transfer: "Bank transfer", cash: "Cash", other: "Other" };

export const paymentStatusLabel: Record<PaymentStatus, string> = { pending: "Pending", succeeded: "Succeeded", failed: "Failed", refunded: "Refunded" };

/**
 * Only money that arrived has a receipt: a pending transfer or a declined card
 * is no proof of payment. The receipt route refuses the rest (404), and the
 * payment lists offer the link only where this holds.
 */
export function hasReceipt(status: PaymentStatus): boolean {
  return status === "succeeded" || status === "refunded";
}

/** The earliest day a payment can be recorded as received: older is a typing slip (and out of a TIMESTAMP's range before 1970). */
export const EARLIEST_RECEIVED_ON = "2000-01-01";
