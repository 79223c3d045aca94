"use server";

import { getDb } from "@/db";
import { DomainError, NotFoundError } from "@/lib/errors";
import { retryStripeEventAsStaff } from "@/lib/payments/stripe/retry";
import { retryStripeEventSchema } from "@/lib/validation/card-payments";
import { defineAction } from "../define-action";

/** Staff apply a failed Stripe webhook event again, through the same idempotent path as its delivery. */
export const retryStripeEvent = defineAction({
  name: "payments.retry_stripe_event",
  permission: "payments:write",
  schema: retryStripeEventSchema,
  async handler({ id }, { actor }) {
    const answer = await retryStripeEventAsStaff(getDb(), id, actor);
    if (answer.status === 404) throw new NotFoundError("That webhook event");
    if (answer.status !== 200) throw new DomainError(`It failed again: ${answer.error ?? "unknown error"}. It stays in the list for another try.`);
    return { outcome: answer.outcome };
  },
});
