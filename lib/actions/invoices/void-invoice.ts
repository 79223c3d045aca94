"use server";

import { getDb } from "@/db";
import { voidInvoice as voidIt } from "@/lib/invoices/void";
import { voidInvoiceSchema } from "@/lib/validation/invoices";
import { defineAction } from "../define-action";

export const voidInvoice = defineAction({
  name: "invoices.void",
  permission: "invoices:write",
  schema: voidInvoiceSchema,
  async handler({ invoiceId, reason }, { actor }) {
    return voidIt(getDb(), { invoiceId, reason, actor: actor });
  },
});
