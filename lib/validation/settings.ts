import { z } from "zod";
import { isBusinessLocale, isTimeZoneName } from "@/lib/locales";
import { formatAmountInput, formatMoney, minorDigits, parseMoney, parseRate } from "@/lib/money";
import { INSTRUCTIONS_MAX } from "./choices";
import { currencyCode } from "./currency";
import { optionalText, requiredText, typedValue, wholeNumber } from "./fields";

/** A part-payment floor above this (in major units) is a typo, not a policy. */
const MIN_PAYMENT_CEILING_MAJOR = 100_000;

const LOCALE_ERROR = "Pick a locale from the list";
const TIME_ZONE_ERROR = "Pick a time zone from the list, like Europe/Berlin";

const settingsFields = z.object({
  companyName: requiredText(160, "Enter the company name"),
  companyAddress: optionalText(500, "Address").transform((v) => v ?? ""),
  defaultCurrency: currencyCode,
  // Exactly as listed (lib/locales): canonical, supported, one string.
  locale: z.string({ error: LOCALE_ERROR }).refine(isBusinessLocale, { error: LOCALE_ERROR }),
  timeZone: z.string({ error: TIME_ZONE_ERROR }).refine(isTimeZoneName, { error: TIME_ZONE_ERROR }),
  taxRate: typedValue(40, "Enter a rate like 8 or 12.5"),
  invoicePrefix: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z0-9]{1,12}$/, { error: "Use 1 to 12 letters or digits, like INV" }),
  dueDays: wholeNumber("Enter whole days from 0 to 365", { min: 0, max: 365 }),
  senderName: requiredText(120, "Enter the name emails come from"),
  minPayment: typedValue(40, "Enter an amount, like 5"),
  bankInstructions: optionalText(INSTRUCTIONS_MAX, "Bank transfer instructions"),
  cashInstructions: optionalText(INSTRUCTIONS_MAX, "Cash instructions"),
});

// The tax rate and smallest payment are read in the locale the form was shown
// in (the saved one): a new locale applies to what is typed after it is saved.
const buildSettingsSchema = (locale: string) =>
  settingsFields.transform((v, ctx) => {
    const rate = parseRate(v.taxRate, locale);
    if (!rate.ok) ctx.addIssue({ code: "custom", path: ["taxRate"], message: rate.error });
    const minPayment = parseMinPayment(v.minPayment, v.defaultCurrency, locale);
    if (!minPayment.ok) ctx.addIssue({ code: "custom", path: ["minPayment"], message: minPayment.error });
    if (!rate.ok || !minPayment.ok) return z.NEVER;
    const { taxRate: _taxRate, minPayment: _minPayment, ...rest } = v;
    return { ...rest, taxRateBp: rate.bp, minPaymentMinor: minPayment.minor };
  });
const settingsSchemas = new Map<string, ReturnType<typeof buildSettingsSchema>>();

/** The settings form, with its rate and amount read in the business's current locale. */
export function settingsSchema(locale: string) {
  let schema = settingsSchemas.get(locale);
  if (!schema) settingsSchemas.set(locale, (schema = buildSettingsSchema(locale)));
  return schema;
}
export type SettingsInput = z.output<ReturnType<typeof settingsSchema>>;

/** The smallest part payment, in the default currency: above zero and below a sane ceiling. */
function parseMinPayment(input: string, currency: string, locale: string): { ok: true; minor: number } | { ok: false; error: string } {
  const parsed = parseMoney(input, currency, locale);
  if (!parsed.ok) return parsed;
  if (parsed.minor <= 0) return { ok: false, error: `Enter an amount above zero, like ${formatAmountInput(500, currency, locale)}` };
  const ceiling = MIN_PAYMENT_CEILING_MAJOR * 10 ** minorDigits(currency);
  if (parsed.minor > ceiling) return { ok: false, error: `Use at most ${formatMoney(ceiling, currency, locale)}` };
  return parsed;
}
