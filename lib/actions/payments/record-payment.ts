"use server";

import { getDb } from "@/db";
import { getInvoiceAccess } from "@/db/queries/invoices";
import { getBusinessTime } from "@/lib/business-time";
import { now } from "@/lib/clock";
import { businessDay, zonedInstant } from "@/lib/dates";
import { EARLIEST_RECEIVED_ON } from "@/lib/payments/labels";
import { DomainError, NotFoundError } from "@/lib/errors";
import { parseMoney } from "@/lib/money";
import { recordPayment as record } from "@/lib/payments";
import { recordPaymentSchema } from "@/lib/validation/invoices";
import { defineAction } from "../define-action";

/** Staff record money received (all or part of the balance); it counts at once. */
export const recordPayment = defineAction({
  name: "payments.record",
  permission: "payments:write",
  schema: recordPaymentSchema,
  async handler(input, { actor }) {
    const invoice = await getInvoiceAccess(input.invoiceId);
    if (!invoice) throw new NotFoundError("That invoice");
    // The amount is read in the invoice's own currency, never one the form claims, and the business's locale.
    const { timeZone, locale } = await getBusinessTime();
    const amount = parseMoney(input.amount, invoice.currency, locale);
    if (!amount.ok) throw new DomainError("Check the amount.", { amount: [amount.error] });
    const at = now();
    const today = businessDay(timeZone, at);
    // ISO days compare as strings. Money can't arrive tomorrow, and a receipt would print the day it claims.
    if (input.receivedOn > today) throw new DomainError("Check the date it was received.", { receivedOn: ["It can't be after today"] });
    if (input.receivedOn < EARLIEST_RECEIVED_ON) throw new DomainError("Check the date it was received.", { receivedOn: [`Enter a day from ${EARLIEST_RECEIVED_ON} on`] });
    return record(getDb(), {
      invoiceId: invoice.id,
      amountMinor: amount.minor,
      method: input.method,
      reference: input.reference,
      // The business's today means now; an earlier day is kept as noon of that day in its zone, so the day shows the same everywhere near it.
      receivedAt: input.receivedOn === today ? at : zonedInstant(input.receivedOn, "12:00", timeZone),
      status: "succeeded",
      idempotencyKey: `staff:${input.idempotencyKey}`,
      actor: actor,
    });
  },
});
