"use server";

import { getDb } from "@/db";
import { actorFrom } from "@/lib/actor";
import { refundPayment as refund } from "@/lib/payments";
import { refundPaymentSchema } from "@/lib/validation/invoices";
import { defineAction } from "../define-action";

export const refundPayment = defineAction({
  name: "payments.refund",
  permission: "payments:write",
  schema: refundPaymentSchema,
  async handler({ paymentId, reason }, { user, ip }) {
    return refund(getDb(), { paymentId, reason, actor: actorFrom(user, ip) });
  },
});
