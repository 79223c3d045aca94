"use server";

import { getDb } from "@/db";
import { getBusinessTime } from "@/lib/business-time";
import { payInvoiceByLink as pay } from "@/lib/invoices/link-pay";
import { cardDigits, parseExpiry } from "@/lib/validation/card";
import { linkPaySchema } from "@/lib/validation/portal";
import { defineAction } from "../define-action";

/** Anyone holding a valid signed invoice link pays that invoice by card. No session is read or created. */
export const payInvoiceByLink = defineAction({
  name: "links.pay_invoice",
  permission: "public",
  schema: linkPaySchema,
  async handler(input, { ip }) {
    const expiry = parseExpiry(input.cardExpiry);
    const card =
      !input.checkout && expiry ? { number: cardDigits(input.cardNumber), expMonth: expiry.month, expYear: expiry.year, cvc: input.cardCvc.trim(), name: input.cardName || null } : undefined;
    return pay(getDb(), { token: input.token, amount: input.amount, locale: (await getBusinessTime()).locale, idempotencyKey: input.idempotencyKey, card, ip });
  },
});
