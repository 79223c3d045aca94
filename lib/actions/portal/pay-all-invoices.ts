"use server";

import { getDb } from "@/db";
import { clientIdOf } from "@/lib/portal/client-of";
import { payAllFromPortal } from "@/lib/portal/pay-all";
import { cardDigits, parseExpiry } from "@/lib/validation/card";
import { payAllSchema } from "@/lib/validation/portal";
import { defineAction } from "../define-action";

/** The client pays the balance of every open invoice it owns, by card: one payment per invoice. */
export const payAllInvoices = defineAction({
  name: "portal.pay_all_invoices",
  permission: "portal:use",
  schema: payAllSchema,
  async handler(input, { user, actor }) {
    const clientId = await clientIdOf(user);
    const expiry = parseExpiry(input.cardExpiry)!;
    const card = { number: cardDigits(input.cardNumber), expMonth: expiry.month, expYear: expiry.year, cvc: input.cardCvc.trim(), name: input.cardName || null };
    return payAllFromPortal(getDb(), { clientId, expected: input.expected, idempotencyKey: input.idempotencyKey, card, actor });
  },
});
