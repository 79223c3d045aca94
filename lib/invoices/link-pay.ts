import "server-only";
import type { Db } from "@/db";
import { getInvoicePayTarget, getPortalInvoice } from "@/db/queries/portal-invoices";
import type { SystemActor } from "@/lib/actor";
import { DomainError } from "@/lib/errors";
import { parseMoney } from "@/lib/money";
import type { CardDetails } from "@/lib/payments/providers";
import { payInvoiceFromPortal, type PortalPayResult } from "@/lib/portal/pay-invoice";
import { resolveInvoiceLink } from "./links";

export const LINK_CANT_PAY = "This link no longer works, so nothing was charged. Ask us for a new one.";
export const LINK_PAY_IN_PORTAL = "This invoice is paid from your client portal, so nothing was charged. Sign in to pay it there.";

/**
 * Pays all or part of the invoice a signed link names, by card, without a
 * session: the token is the only credential and names the invoice and its
 * client (nothing from the request does). It takes the pay form's path
 * (payInvoiceFromPortal: the same limits, minimum, balance check, invoice
 * lock, receipts). An expired, revoked or unknown token pays nothing, and
 * nor does a link to a client with a portal login: they pay signed in, where
 * their own limits and saved cards apply (the link page offers them "Sign in
 * to pay", and this holds for a request made without the page).
 */
export async function payInvoiceByLink(db: Db, input: { token: string; amount: string; locale: string; idempotencyKey: string; card?: CardDetails; ip: string }): Promise<PortalPayResult> {
  const link = await resolveInvoiceLink(db, input.token);
  if (!link || link.state !== "valid") throw new DomainError(LINK_CANT_PAY);
  const target = await getInvoicePayTarget(link.invoiceId);
  const invoice = target ? await getPortalInvoice(target.clientId, link.invoiceId) : null;
  if (!target || !invoice) throw new DomainError(LINK_CANT_PAY);
  if (target.hasLogin) throw new DomainError(LINK_PAY_IN_PORTAL);
  const amount = parseMoney(input.amount, invoice.currency, input.locale);
  if (!amount.ok) throw new DomainError("Check the amount.", { amount: [amount.error] });
  // No one is signed in: the payment is the client's own (recorded_by stays empty), audited as a link payment from this IP.
  const actor: SystemActor = { id: null, role: "system", ip: input.ip };
  return payInvoiceFromPortal(db, {
    clientId: target.clientId,
    invoiceId: invoice.id,
    amountMinor: amount.minor,
    method: "card",
    // Its own key space: a link's submit can never replay a portal payment.
    idempotencyKey: `link.${input.idempotencyKey}`,
    card: input.card,
    actor,
    returnPath: `/i/${input.token}`,
  });
}
