"use server";

import { getDb } from "@/db";
import { voidInvoice as voidIt } from "@/lib/invoices/void";
import { voidInvoiceSchema } from "@/lib/validation/invoices";
import { defineAction } from "../define-action";
import { actorFrom } from "@/lib/actor";

export const voidInvoice = defineAction({
  name: "invoices.void",
  permission: "invoices:write",
  schema: voidInvoiceSchema,
  async handler({ invoiceId, reason }, { user, ip }) {
    return voidIt(getDb(), { invoiceId, reason, actor: actorFrom(user, ip) });
  },
});
