import { z } from "zod";
import { formatMoney, minorDigits, parseMoney, parseRate } from "@/lib/money";
import { optionalText, requiredText, typedValue, wholeNumber } from "./fields";

/** Instructions are read on a phone in the pay form; a page of text belongs in an attached document. */
export const INSTRUCTIONS_MAX = 1000;
/** A part-payment floor above this (in major units) is a typo, not a policy. */
const MIN_PAYMENT_CEILING_MAJOR = 100_000;

export const settingsSchema = z
  .object({
    companyName: requiredText(160, "Enter the company name"),
    companyAddress: optionalText(500, "Address").transform((v) => v ?? ""),
    defaultCurrency: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z]{3}$/, { error: "Use a 3-letter currency code, like USD" }),
    taxRate: typedValue(40, "Enter a rate like 8 or 12.5"),
    invoicePrefix: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z0-9]{1,12}$/, { error: "Use 1 to 12 letters or digits, like INV" }),
    dueDays: wholeNumber("Enter whole days from 0 to 365", { min: 0, max: 365 }),
    senderName: requiredText(120, "Enter the name emails come from"),
    minPayment: typedValue(40, "Enter an amount, like 5.00"),
    bankInstructions: optionalText(INSTRUCTIONS_MAX, "Bank transfer instructions"),
    cashInstructions: optionalText(INSTRUCTIONS_MAX, "Cash instructions"),
  })
  .transform((v, ctx) => {
    const rate = parseRate(v.taxRate);
    if (!rate.ok) ctx.addIssue({ code: "custom", path: ["taxRate"], message: rate.error });
    const minPayment = parseMinPayment(v.minPayment, v.defaultCurrency);
    if (!minPayment.ok) ctx.addIssue({ code: "custom", path: ["minPayment"], message: minPayment.error });
    if (!rate.ok || !minPayment.ok) return z.NEVER;
    const { taxRate: _taxRate, minPayment: _minPayment, ...rest } = v;
    return { ...rest, taxRateBp: rate.bp, minPaymentMinor: minPayment.minor };
  });
export type SettingsInput = z.output<typeof settingsSchema>;

/** The smallest part payment, in the default currency: above zero and below a sane ceiling. */
function parseMinPayment(input: string, currency: string): { ok: true; minor: number } | { ok: false; error: string } {
  const parsed = parseMoney(input, currency);
  if (!parsed.ok) return parsed;
  if (parsed.minor <= 0) return { ok: false, error: "Enter an amount above zero, like 5.00" };
  const ceiling = MIN_PAYMENT_CEILING_MAJOR * 10 ** minorDigits(currency);
  if (parsed.minor > ceiling) return { ok: false, error: `Use at most ${formatMoney(ceiling, currency)}` };
  return parsed;
}
