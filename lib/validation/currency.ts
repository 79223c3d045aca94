import { z } from "zod";
import { isCurrencyCode } from "@/lib/currencies";

export const CURRENCY_ERROR = "Choose a currency: an ISO 4217 code, like EUR";

/**
 * A currency field: one of the ISO 4217 codes Intl lists (lib/currencies),
 * in any letter case ("eur" in an imported file is EUR). Anything else, a
 * made-up code included, is a field error.
 */
export const currencyCode = z.string({ error: CURRENCY_ERROR }).trim().toUpperCase().refine(isCurrencyCode, { error: CURRENCY_ERROR });
