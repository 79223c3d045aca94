"use server";

import { getDb } from "@/db";
import { revokeInvoiceLinks as revoke } from "@/lib/invoices/links";
import { invoiceIdSchema } from "@/lib/validation/invoices";
import { defineAction } from "../define-action";

export const revokeInvoiceLinks = defineAction({
  name: "invoices.revoke_links",
  permission: "invoices:write",
  schema: invoiceIdSchema,
  async handler({ invoiceId }, { actor }) {
    return revoke(getDb(), { invoiceId, actor: actor });
  },
});
