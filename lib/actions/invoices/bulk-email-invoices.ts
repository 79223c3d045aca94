"use server";

import { randomUUID } from "node:crypto";
import { getDb } from "@/db";
import { emailInvoicesToClients } from "@/lib/invoices/email";
import { bulkInvoicesSchema } from "@/lib/validation/invoices";
import { defineAction } from "../define-action";

/** Emails each selected invoice to its client's address. */
export const bulkEmailInvoices = defineAction({
  name: "invoices.bulk_email",
  permission: "invoices:write",
  schema: bulkInvoicesSchema,
  async handler({ ids, batchKey }, { actor }) {
    return emailInvoicesToClients(getDb(), { invoiceIds: ids, batchKey: batchKey ?? randomUUID(), actor: actor });
  },
});
