import { z } from "zod";
import { id } from "./fields";

/** Retry one stored Stripe webhook event that failed (its row id in stripe_events). */
export const retryStripeEventSchema = z.object({ id });
export type RetryStripeEventInput = z.infer<typeof retryStripeEventSchema>;
