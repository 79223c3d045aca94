import type { BillingInterval } from "@/db/schema";
import type { ChartColor } from "@/components/charts/colors";
import type { DisplayStatus } from "@/lib/invoices/status";

export const intervalLabel: Record<BillingInterval, string> = { one_time: "one-time", monthly: "per month", quarterly: "per quarter", yearly: "per year" };

/** Chart colours per status, matching the badges' meaning (paid green, overdue red). */
export const statusColor: Record<DisplayStatus, ChartColor> = { draft: "gray", sent: "blue", overdue: "rose", partially_paid: "amber", paid: "emerald", void: "gray" };
