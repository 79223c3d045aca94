import type { InvoiceStatus, PaymentMethod } from "@/db/schema";

/** Everything the invoice document shows: the HTML view and the PDF render the same data. */
export type InvoiceDocumentData = {
  /** `locale` and `timeZone` are the business's: the document's dates are written in them. */
  company: { name: string; address: string; email: string | null; phone: string | null; logo: string | null; locale: string; timeZone: string };
  client: { name: string; company: string | null; email: string | null; phone: string | null; address: string | null };
  invoice: {
    id: number;
    number: string | null;
    status: InvoiceStatus;
    issueDate: string;
    dueDate: string;
    currency: string;
    subtotalMinor: number;
    taxMinor: number;
    discountMinor: number;
    totalMinor: number;
    amountPaidMinor: number;
    notes: string | null;
    voidReason: string | null;
    periodStart: string | null;
    periodEnd: string | null;
    version: number;
  };
  lines: { description: string; quantityMilli: number; unitPriceMinor: number; taxRateBp: number; lineTotalMinor: number; taxMinor: number }[];
  /** Succeeded payments only: what counts toward amount_paid. */
  payments: { id: number; receivedAt: Date | null; method: PaymentMethod; reference: string | null; amountMinor: number }[];
  instructions: { bank: string | null; cash: string | null };
};
