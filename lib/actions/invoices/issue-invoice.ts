"use server";

import { getDb } from "@/db";
import { issueInvoice as issue } from "@/lib/invoices/issue";
import { invoiceIdSchema } from "@/lib/validation/invoices";
import { defineAction } from "../define-action";

export const issueInvoice = defineAction({
  name: "invoices.issue",
  permission: "invoices:write",
  schema: invoiceIdSchema,
  async handler({ invoiceId }, { actor }) {
    return issue(getDb(), { invoiceId, actor: actor });
  },
});
