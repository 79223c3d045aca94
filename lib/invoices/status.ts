import type { InvoiceStatus } from "@/db/schema";
import { balanceDue } from "@/lib/money";

export type DisplayStatus = InvoiceStatus | "overdue";

export const displayStatuses: DisplayStatus[] = ["draft", "sent", "overdue", "partially_paid", "paid", "void"];

/** Issued, not void and not paid: the statuses that take payments, owe money and get reminders. */
export const OPEN_STATUSES = ["sent", "partially_paid"] as const satisfies readonly InvoiceStatus[];

export function isOpen(status: string): status is (typeof OPEN_STATUSES)[number] {
  return (OPEN_STATUSES as readonly string[]).includes(status);
}

/** What the invoice still asks for: the total less what was paid, and nothing once it is void. */
export function amountOwed(invoice: { status: InvoiceStatus; totalMinor: number; amountPaidMinor: number }): number {
  return invoice.status === "void" ? 0 : balanceDue(invoice.totalMinor, invoice.amountPaidMinor);
}

/** Overdue is derived: open, and past its due date. */
export function displayStatus(status: InvoiceStatus, dueDate: string, today: string): DisplayStatus {
  return isOpen(status) && dueDate < today ? "overdue" : status;
}

export const statusLabel: Record<DisplayStatus, string> = {
  draft: "Draft",
  sent: "Sent",
  overdue: "Overdue",
  partially_paid: "Partially paid",
  paid: "Paid",
  void: "Void",
};
