"use server";

import { getDb } from "@/db";
import { reissueInvoiceLink as reissue } from "@/lib/invoices/links";
import { invoiceIdSchema } from "@/lib/validation/invoices";
import { defineAction } from "../define-action";

/** Revokes the old links and returns a fresh one; its URL is shown once. */
export const reissueInvoiceLink = defineAction({
  name: "invoices.reissue_link",
  permission: "invoices:write",
  schema: invoiceIdSchema,
  async handler({ invoiceId }, { actor }) {
    return reissue(getDb(), { invoiceId, actor: actor });
  },
});
