import type { Minor } from "@/lib/money";

/**
 * The smallest part payment a client may make on an invoice in `currency`.
 * The setting is an amount in the business's currency, so it applies to
 * invoices in that currency only: read in another (a $5.00 floor as
 * KWD 0.500, or a ¥500 floor as $5.00) it would mean something else. Other
 * currencies take any amount above zero.
 */
export function minimumPartPayment(settings: { defaultCurrency: string; minPaymentMinor: Minor }, currency: string): Minor {
  return settings.defaultCurrency === currency ? settings.minPaymentMinor : 1;
}
