"use server";

import { getDb } from "@/db";
import { getInvoiceAccess } from "@/db/queries/invoices";
import { DomainError, NotFoundError } from "@/lib/errors";
import { actorFrom } from "@/lib/actor";
import { parseMoney } from "@/lib/money";
import { recordPayment as record } from "@/lib/payments";
import { recordPaymentSchema } from "@/lib/validation/invoices";
import { defineAction } from "../define-action";

/** Staff record money received (all or part of the balance); it counts at once. */
export const recordPayment = defineAction({
  name: "payments.record",
  permission: "payments:write",
  schema: recordPaymentSchema,
  async handler(input, { user, ip }) {
    const invoice = await getInvoiceAccess(input.invoiceId);
    if (!invoice) throw new NotFoundError("That invoice");
    // The amount is read in the invoice's own currency, never one the form claims.
    const amount = parseMoney(input.amount, invoice.currency);
    if (!amount.ok) throw new DomainError("Check the amount.", { amount: [amount.error] });
    const today = new Date().toISOString().slice(0, 10);
    return record(getDb(), {
      invoiceId: invoice.id,
      amountMinor: amount.minor,
      method: input.method,
      reference: input.reference,
      // Today means now; an earlier day is kept as noon UTC of that day.
      receivedAt: input.receivedOn === today ? new Date() : new Date(`${input.receivedOn}T12:00:00Z`),
      status: "succeeded",
      idempotencyKey: `staff:${input.idempotencyKey}`,
      actor: actorFrom(user, ip),
    });
  },
});
