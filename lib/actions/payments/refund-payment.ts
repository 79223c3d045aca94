"use server";

import { eq } from "drizzle-orm";
import { getDb } from "@/db";
import { payments } from "@/db/schema";
import { STRIPE_PROVIDER } from "@/lib/payments/stripe/checkout";
import { requestStripeRefund } from "@/lib/payments/stripe/refund";
import { refundPayment as refund } from "@/lib/payments";
import { refundPaymentSchema } from "@/lib/validation/invoices";
import { defineAction } from "../define-action";

export const refundPayment = defineAction({
  name: "payments.refund",
  permission: "payments:write",
  schema: refundPaymentSchema,
  async handler({ paymentId, reason }, { actor }) {
    const db = getDb();
    const [payment] = await db.select({ provider: payments.provider }).from(payments).where(eq(payments.id, paymentId)).limit(1);
    // A Stripe card payment is refunded in Stripe; its refund webhook moves the invoice.
    if (payment?.provider === STRIPE_PROVIDER) return requestStripeRefund(db, { paymentId, reason, actor: actor });
    return refund(db, { paymentId, reason, actor: actor });
  },
});
