"use server";

import { getDb } from "@/db";
import { rejectPayment as reject } from "@/lib/payments";
import { rejectPaymentSchema } from "@/lib/validation/invoices";
import { defineAction } from "../define-action";

/** Marks a declared payment that never arrived as failed. */
export const rejectPayment = defineAction({
  name: "payments.reject",
  permission: "payments:write",
  schema: rejectPaymentSchema,
  async handler({ paymentId, reason }, { actor }) {
    return reject(getDb(), { paymentId, reason, actor: actor });
  },
});
