"use server";

import { getDb } from "@/db";
import { getPortalInvoice } from "@/db/queries/portal-invoices";
import { getBusinessTime } from "@/lib/business-time";
import { DomainError, NotFoundError } from "@/lib/errors";
import { parseMoney } from "@/lib/money";
import { clientIdOf } from "@/lib/portal/client-of";
import { payInvoiceFromPortal } from "@/lib/portal/pay-invoice";
import { cardDigits, parseExpiry } from "@/lib/validation/card";
import { payInvoiceSchema } from "@/lib/validation/portal";
import { defineAction } from "../define-action";

/** The client pays all or part of one of its own invoices. Card details go to the provider only, never to the database. */
export const payInvoice = defineAction({
  name: "portal.pay_invoice",
  permission: "portal:use",
  schema: payInvoiceSchema,
  async handler(input, { user, actor }) {
    const clientId = await clientIdOf(user);
    const invoice = await getPortalInvoice(clientId, input.invoiceId);
    if (!invoice) throw new NotFoundError("That invoice");
    const amount = parseMoney(input.amount, invoice.currency, (await getBusinessTime()).locale);
    if (!amount.ok) throw new DomainError("Check the amount.", { amount: [amount.error] });
    const expiry = parseExpiry(input.cardExpiry);
    const card =
      input.method === "card" && !input.checkout && expiry
        ? { number: cardDigits(input.cardNumber), expMonth: expiry.month, expYear: expiry.year, cvc: input.cardCvc.trim(), name: input.cardName || null }
        : undefined;
    return payInvoiceFromPortal(getDb(), { clientId, invoiceId: invoice.id, amountMinor: amount.minor, method: input.method, idempotencyKey: input.idempotencyKey, card, actor: actor });
  },
});
