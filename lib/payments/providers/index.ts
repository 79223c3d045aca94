import "server-only";
import { env } from "@/lib/env";
import { stripeProvider } from "../stripe/provider";
import { testProvider } from "./test-provider";
import type { CardProvider } from "./types";

export type { CardDetails, CardProvider, ChargeOutcome, TestCard } from "./types";

/** The configured card provider: Stripe when STRIPE_SECRET_KEY is set, else PAYMENT_PROVIDER (the test provider, which says so). */
export function cardProvider(): CardProvider {
  if (env().STRIPE_SECRET_KEY) return stripeProvider();
  switch (env().PAYMENT_PROVIDER) {
    case "test":
      return testProvider;
  }
}
