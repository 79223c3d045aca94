"use server";

import { getDb } from "@/db";
import { clientIdOf } from "@/lib/portal/client-of";
import { emailInvoiceToClient } from "@/lib/portal/email-invoice";
import { emailMyInvoiceSchema } from "@/lib/validation/portal";
import { defineAction } from "../define-action";

/** Emails one of the client's own invoices to the client's own address, with optional CCs. */
export const emailMyInvoice = defineAction({
  name: "portal.email_invoice",
  permission: "portal:use",
  schema: emailMyInvoiceSchema,
  async handler({ invoiceId, cc, idempotencyKey }, { user, actor }) {
    return emailInvoiceToClient(getDb(), { clientId: await clientIdOf(user), invoiceId, cc, idempotencyKey, actor: actor });
  },
});
