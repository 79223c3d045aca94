import "server-only";
import { env } from "@/lib/env";
import { testProvider } from "./test-provider";
import type { CardProvider } from "./types";

export type { CardDetails, CardProvider, ChargeOutcome, TestCard } from "./types";

/** The configured card provider (PAYMENT_PROVIDER). Only the test provider exists so far, and it says so. */
export function cardProvider(): CardProvider {
  switch (env().PAYMENT_PROVIDER) {
    case "test":
      return testProvider;
  }
}
