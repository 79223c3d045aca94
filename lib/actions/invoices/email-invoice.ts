"use server";

import { getDb } from "@/db";
import { emailInvoice as queueEmail } from "@/lib/invoices/email";
import { emailInvoiceSchema } from "@/lib/validation/invoices";
import { defineAction } from "../define-action";

/** Queues the invoice email (PDF attached, signed link inside) to TO, CC and BCC. */
export const emailInvoice = defineAction({
  name: "invoices.email",
  permission: "invoices:write",
  schema: emailInvoiceSchema,
  async handler(input, { actor }) {
    const { outboxId, created } = await queueEmail(getDb(), { ...input, actor: actor });
    return { outboxId, created };
  },
});
