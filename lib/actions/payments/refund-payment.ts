"use server";

import { eq } from "drizzle-orm";
import { getDb } from "@/db";
import { payments } from "@/db/schema";
import { getBusinessTime } from "@/lib/business-time";
import { DomainError, NotFoundError } from "@/lib/errors";
import { formatMoney, parseMoney } from "@/lib/money";
import { STRIPE_PROVIDER } from "@/lib/payments/stripe/checkout";
import { requestStripeRefund } from "@/lib/payments/stripe/refund";
import { REFUND_CHANGED, refundPayment as refund } from "@/lib/payments";
import { refundableMinor as leftToRefund } from "@/lib/payments/refundable";
import { refundPaymentSchema } from "@/lib/validation/invoices";
import { defineAction } from "../define-action";

/**
 * Refunds all of a payment, or the amount typed (read in the payment's own
 * currency and the business's locale). A Stripe card payment is refunded in
 * Stripe, and its refund webhook moves the invoice; any other payment is
 * recorded as refunded at once. A request made on what is no longer left
 * to refund (`refundableMinor`: sent twice, or someone else refunded in
 * between) refunds nothing and says so.
 */
export const refundPayment = defineAction({
  name: "payments.refund",
  permission: "payments:write",
  schema: refundPaymentSchema,
  async handler({ paymentId, refundableMinor, reason, amount }, { actor }) {
    const db = getDb();
    const [payment] = await db
      .select({
        provider: payments.provider,
        currency: payments.currency,
        amountMinor: payments.amountMinor,
        refundedMinor: payments.refundedMinor,
        status: payments.status,
        refundDue: payments.refundDue,
      })
      .from(payments)
      .where(eq(payments.id, paymentId))
      .limit(1);
    if (!payment) throw new NotFoundError("That payment");
    const refundable = leftToRefund(payment);
    if (refundable !== refundableMinor) throw new DomainError(REFUND_CHANGED);
    let amountMinor: number | null = null;
    if (amount) {
      const { locale } = await getBusinessTime();
      const parsed = parseMoney(amount, payment.currency, locale);
      if (!parsed.ok) throw new DomainError("Check the amount.", { amount: [parsed.error] });
      if (parsed.minor <= 0) throw new DomainError("Check the amount.", { amount: ["Enter an amount above zero"] });
      if (parsed.minor > refundable) throw new DomainError("Check the amount.", { amount: [`At most ${formatMoney(refundable, payment.currency, locale)}, what is left to refund`] });
      amountMinor = parsed.minor;
    }
    const request = { paymentId, amountMinor, reason, actor, expectedRefundableMinor: refundableMinor };
    if (payment.provider === STRIPE_PROVIDER) return requestStripeRefund(db, request);
    return refund(db, request);
  },
});
