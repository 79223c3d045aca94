import type { PaymentMethod, PaymentStatus } from "@/db/schema";

export const methodLabel: Record<PaymentMethod, string> = { card: "Card", bank_transfer: "Bank transfer", cash: "Cash", other: "Other" };

export const paymentStatusLabel: Record<PaymentStatus, string> = { pending: "Pending", succeeded: "Succeeded", failed: "Failed", refunded: "Refunded" };
