import type { InvoiceStatus } from "@/db/schema";

export type DisplayStatus = InvoiceStatus | "overdue";

export const displayStatuses: DisplayStatus[] = ["draft", "sent", "overdue", "partially_paid", "paid", "void"];

/** Overdue is derived: sent or partially paid, and past its due date. */
export function displayStatus(status: InvoiceStatus, dueDate: string, today: string): DisplayStatus {
  return (status === "sent" || status === "partially_paid") && dueDate < today ? "overdue" : status;
}

export const statusLabel: Record<DisplayStatus, string> = {
  draft: "Draft",
  sent: "Sent",
  overdue: "Overdue",
  partially_paid: "Partially paid",
  paid: "Paid",
  void: "Void",
};
