import { z } from "zod";
import { parseMoney } from "@/lib/money";
import { currencyCode } from "./currency";
import { checkbox, id, optionalText, requiredText } from "./fields";

// Mirrors db/schema/services.ts (kept here so forms can import it in the browser).
export const billingIntervals = ["one_time", "monthly", "quarterly", "yearly"] as const;

export const intervalLabels: Record<(typeof billingIntervals)[number], string> = {
  one_time: "One-time",
  monthly: "Monthly",
  quarterly: "Quarterly",
  yearly: "Yearly",
};

const serviceFields = z.object({
  name: requiredText(160, "Enter the service's name"),
  description: optionalText(5000, "Description"),
  // Read in the service's own currency below (lib/money), never as a JSON number.
  price: requiredText(40, "Enter a price, like 120.00"),
  currency: currencyCode,
  interval: z.enum(billingIntervals, { error: "Pick how often it is billed" }),
  active: checkbox,
});

// The price is typed as text and parsed in the service's own currency, without floats.
function withPriceMinor<T extends z.output<typeof serviceFields>>(v: T, ctx: z.RefinementCtx) {
  const parsed = parseMoney(v.price, v.currency);
  if (!parsed.ok || parsed.minor < 0) {
    ctx.addIssue({ code: "custom", path: ["price"], message: parsed.ok ? "A price can't be negative" : parsed.error });
    return z.NEVER;
  }
  const { price: _price, ...rest } = v;
  return { ...rest, priceMinor: parsed.minor };
}

/** The service form, for both create and edit. */
export const serviceSchema = serviceFields.transform(withPriceMinor);
export type ServiceInput = z.output<typeof serviceSchema>;

export const updateServiceSchema = serviceFields.extend({ id }).transform(withPriceMinor);

export const serviceIdSchema = z.object({ id });
