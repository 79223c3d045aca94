"use server";

import { getDb } from "@/db";
import { confirmPayment as confirm } from "@/lib/payments";
import { paymentIdSchema } from "@/lib/validation/invoices";
import { defineAction } from "../define-action";

/** Confirms a bank transfer or cash payment the client declared, once the money is in. */
export const confirmPayment = defineAction({
  name: "payments.confirm",
  permission: "payments:write",
  schema: paymentIdSchema,
  async handler({ paymentId }, { actor }) {
    return confirm(getDb(), { paymentId, actor: actor });
  },
});
