"use server";

import { getDb } from "@/db";
import { issueInvoice as issue } from "@/lib/invoices/issue";
import { issueInvoiceSchema } from "@/lib/validation/invoices";
import { defineAction } from "../define-action";

export const issueInvoice = defineAction({
  name: "invoices.issue",
  permission: "invoices:write",
  schema: issueInvoiceSchema,
  async handler({ invoiceId, expectedVersion }, { actor }) {
    return issue(getDb(), { invoiceId, expectedVersion, actor });
  },
});
