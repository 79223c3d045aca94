"use server";

import { getDb } from "@/db";
import { deleteDraftInvoice } from "@/lib/invoices/drafts";
import { invoiceIdSchema } from "@/lib/validation/invoices";
import { defineAction } from "../define-action";

export const deleteInvoiceDraft = defineAction({
  name: "invoices.delete_draft",
  permission: "invoices:write",
  schema: invoiceIdSchema,
  async handler({ invoiceId }, { actor }) {
    await deleteDraftInvoice(getDb(), { invoiceId, actor: actor });
  },
});
