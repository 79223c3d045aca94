"use server";

import { getDb } from "@/db";
import { deleteDraftInvoice } from "@/lib/invoices/drafts";
import { invoiceIdSchema } from "@/lib/validation/invoices";
import { defineAction } from "../define-action";
import { actorFrom } from "@/lib/actor";

export const deleteInvoiceDraft = defineAction({
  name: "invoices.deleteDraft",
  permission: "invoices:write",
  schema: invoiceIdSchema,
  async handler({ invoiceId }, { user, ip }) {
    await deleteDraftInvoice(getDb(), { invoiceId, actor: actorFrom(user, ip) });
  },
});
