"use server";

import { getDb } from "@/db";
import { createDraftInvoice, updateDraftInvoice } from "@/lib/invoices/drafts";
import { invoiceDraftSchema } from "@/lib/validation/invoices";
import { defineAction } from "../define-action";

/** Creates a draft, or saves changes to one (refused once it is issued). */
export const saveInvoiceDraft = defineAction({
  name: "invoices.save_draft",
  permission: "invoices:write",
  schema: invoiceDraftSchema,
  async handler({ invoiceId, expectedVersion, ...draft }, { actor }) {
    if (invoiceId) return updateDraftInvoice(getDb(), { ...draft, invoiceId, expectedVersion, actor });
    return createDraftInvoice(getDb(), { ...draft, actor });
  },
});
