import "server-only";
import { getDb } from "@/db";
import { getInvoiceAccess } from "@/db/queries/invoices";
import { getPaymentAccess } from "@/db/queries/payments";
import { getClientForUser } from "@/db/queries/portal";
import { can } from "@/lib/auth/permissions";
import { getCurrentUser, policyAllows } from "@/lib/auth/session";
import { hasReceipt } from "@/lib/payments/labels";
import { resolveInvoiceLink } from "./links";

/**
 * May the caller read this invoice (its PDF, its document)? Staff and admins
 * may; a client only for its own issued invoices; anyone else only with a
 * valid signed link to this very invoice. Route handlers answer 404 on false,
 * so a stranger can't tell a missing invoice from someone else's.
 */
export async function canReadInvoice(invoiceId: number, token?: string | null): Promise<boolean> {
  if (token) {
    const link = await resolveInvoiceLink(getDb(), token);
    return link?.state === "valid" && link.invoiceId === invoiceId;
  }
  const user = await getCurrentUser();
  if (!user) return false;
  if (can(user.role, "invoices:read")) return policyAllows(user, "invoices:read");
  if (!can(user.role, "portal:use")) return false;
  const [invoice, client] = await Promise.all([getInvoiceAccess(invoiceId), getClientForUser(user.id)]);
  return Boolean(invoice && client && invoice.clientId === client.id && invoice.status !== "draft");
}

/**
 * The same rule for a payment's receipt: staff, the paying client, or a valid
 * link to its invoice; and only for a payment that has one (money that arrived).
 */
export async function canReadPayment(paymentId: number, token?: string | null): Promise<boolean> {
  const payment = await getPaymentAccess(paymentId);
  if (!payment || !hasReceipt(payment.status)) return false;
  if (token) return canReadInvoice(payment.invoiceId, token);
  const user = await getCurrentUser();
  if (!user) return false;
  if (can(user.role, "payments:write")) return policyAllows(user, "payments:write");
  if (!can(user.role, "portal:use")) return false;
  const client = await getClientForUser(user.id);
  return Boolean(client && payment.clientId === client.id);
}
