import type { InvoiceStatus } from "@/db/schema";

/**
 * The status an issued invoice's amounts call for (DESIGN rule 2): paid when
 * amount_paid equals a total above zero, partially paid in between, else sent.
 */
export function statusForAmounts(totalMinor: number, amountPaidMinor: number): Extract<InvoiceStatus, "sent" | "partially_paid" | "paid"> {
  if (totalMinor > 0 && amountPaidMinor >= totalMinor) return "paid";
  if (amountPaidMinor > 0) return "partially_paid";
  return "sent";
}
