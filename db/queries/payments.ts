import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "@/db";
import { clients, invoices, payments, type PaymentMethod, type PaymentStatus } from "@/db/schema";
import { getSettings } from "./settings";

export type ReceiptDocumentData = {
  /** `locale` and `timeZone` are the business's: the receipt's dates are written in them. */
  company: { name: string; address: string; email: string | null; phone: string | null; locale: string; timeZone: string };
  client: { name: string; email: string | null };
  invoice: { id: number; number: string | null; currency: string; totalMinor: number; amountPaidMinor: number };
  payment: { id: number; amountMinor: number; refundedMinor: number; method: PaymentMethod; status: PaymentStatus; reference: string | null; receivedAt: Date | null; refundedAt: Date | null };
};

/** A payment's owner, for access checks on its receipt. */
export async function getPaymentAccess(paymentId: number) {
  const [row] = await getDb()
    .select({ id: payments.id, clientId: payments.clientId, invoiceId: payments.invoiceId, status: payments.status })
    .from(payments)
    .where(eq(payments.id, paymentId))
    .limit(1);
  return row ?? null;
}

/** What a receipt shows. Callers check access first. */
export async function getReceiptData(paymentId: number): Promise<(ReceiptDocumentData & { invoice: { version: number } }) | null> {
  const [row] = await getDb()
    .select({
      payment: {
        id: payments.id,
        amountMinor: payments.amountMinor,
        refundedMinor: payments.refundedMinor,
        method: payments.method,
        status: payments.status,
        reference: payments.reference,
        receivedAt: payments.receivedAt,
        refundedAt: payments.refundedAt,
      },
      invoice: { id: invoices.id, number: invoices.number, currency: invoices.currency, totalMinor: invoices.totalMinor, amountPaidMinor: invoices.amountPaidMinor, version: invoices.version },
      client: { name: clients.name, email: clients.email },
    })
    .from(payments)
    .innerJoin(invoices, eq(invoices.id, payments.invoiceId))
    .innerJoin(clients, eq(clients.id, payments.clientId))
    .where(eq(payments.id, paymentId))
    .limit(1);
  if (!row) return null;
  const settings = await getSettings();
  return {
    ...row,
    company: { name: settings.companyName, address: settings.companyAddress, email: settings.companyEmail, phone: settings.companyPhone, locale: settings.locale, timeZone: settings.timeZone },
  };
}
