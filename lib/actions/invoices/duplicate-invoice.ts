"use server";

import { getDb } from "@/db";
import { duplicateInvoice as duplicate } from "@/lib/invoices/drafts";
import { invoiceIdSchema } from "@/lib/validation/invoices";
import { defineAction } from "../define-action";

export const duplicateInvoice = defineAction({
  name: "invoices.duplicate",
  permission: "invoices:write",
  schema: invoiceIdSchema,
  async handler({ invoiceId }, { actor }) {
    return duplicate(getDb(), { invoiceId, actor: actor });
  },
});
