import "server-only";
import { eq } from "drizzle-orm";
import type { Tx } from "@/db";
import { clients, type PaymentMethod } from "@/db/schema";
import { balanceDue } from "@/lib/money";
import { enqueue } from "@/lib/notify/enqueue";
import type { LockedInvoice } from "@/lib/invoices/lock";
import { methodLabel } from "./labels";

type ReceiptPayment = { id: number; amountMinor: number; method: PaymentMethod; reference: string | null; receivedAt: Date };

/**
 * Queues the receipt for a succeeded payment inside its transaction: an email
 * with the receipt PDF when the client has an address, and an SMS only with
 * the client's opt-in and a phone number. Keys are per payment, so a retried
 * transaction can't send two.
 */
export async function queueReceipts(tx: Tx, invoice: LockedInvoice, payment: ReceiptPayment): Promise<void> {
  const [client] = await tx.select({ name: clients.name, email: clients.email, phone: clients.phone, smsOptIn: clients.smsOptIn }).from(clients).where(eq(clients.id, invoice.clientId)).limit(1);
  if (!client) return;
  const number = invoice.number ?? `#${invoice.id}`;
  const data = {
    clientName: client.name,
    invoiceNumber: number,
    amountMinor: payment.amountMinor,
    currency: invoice.currency,
    method: methodLabel[payment.method],
    paidAt: payment.receivedAt.toISOString(),
    balanceMinor: balanceDue(invoice.totalMinor, invoice.amountPaidMinor),
    reference: payment.reference,
  };
  const related = { type: "invoice" as const, id: invoice.id };
  if (client.email) {
    await enqueue(tx, {
      channel: "email",
      to: client.email,
      template: "payment_receipt",
      data,
      attachments: [{ kind: "receipt_pdf", paymentId: payment.id, filename: `receipt-${number}-${payment.id}.pdf` }],
      related,
      clientId: invoice.clientId,
      idempotencyKey: `receipt:${payment.id}:email`,
    });
  }
  if (client.smsOptIn && client.phone) {
    await enqueue(tx, { channel: "sms", to: client.phone, template: "payment_receipt", data, related, clientId: invoice.clientId, idempotencyKey: `receipt:${payment.id}:sms` });
  }
}
