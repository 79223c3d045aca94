import "server-only";
import { registerAttachmentRenderer } from "@/lib/notify/attachments";
import { getInvoicePdf } from "./invoice-pdf";
import { getReceiptPdf } from "./receipt-pdf";

// Imported by the outbox worker's entry points, so invoice emails carry the
// invoice PDF and receipts the receipt PDF, rendered when the message is sent.
// Nobody watches these print, so they wait behind people who do, on at most
// one page between them and the ZIPs; a busy printer fails the send, which
// the worker retries later.

registerAttachmentRenderer("invoice_pdf", async (ref) => {
  const rendered = await getInvoicePdf(ref.invoiceId, { priority: "bulk" });
  if (!rendered) throw new Error(`Invoice ${ref.invoiceId} no longer exists, so ${ref.filename} can't be attached.`);
  return { content: rendered.pdf, contentType: "application/pdf" };
});

registerAttachmentRenderer("receipt_pdf", async (ref) => {
  const rendered = await getReceiptPdf(ref.paymentId, { priority: "bulk" });
  if (!rendered) throw new Error(`Payment ${ref.paymentId} no longer exists, so ${ref.filename} can't be attached.`);
  return { content: rendered.pdf, contentType: "application/pdf" };
});
