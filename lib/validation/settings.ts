import { z } from "zod";
import { parseRate } from "@/lib/money";
import { optionalText, requiredText } from "./fields";

export const settingsSchema = z
  .object({
    companyName: requiredText(160, "Enter the company name"),
    companyAddress: optionalText(500, "Address").transform((v) => v ?? ""),
    defaultCurrency: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z]{3}$/, { error: "Use a 3-letter currency code, like USD" }),
    taxRate: z.preprocess((v) => (v == null ? "" : String(v)), z.string()),
    invoicePrefix: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z0-9]{1,12}$/, { error: "Use 1 to 12 letters or digits, like INV" }),
    dueDays: z.coerce.number({ error: "Enter a number of days" }).int({ error: "Enter whole days" }).min(0, { error: "Use 0 to 365 days" }).max(365, { error: "Use 0 to 365 days" }),
    senderName: requiredText(120, "Enter the name emails come from"),
  })
  .transform((v, ctx) => {
    const rate = parseRate(v.taxRate);
    if (!rate.ok) {
      ctx.addIssue({ code: "custom", path: ["taxRate"], message: rate.error });
      return z.NEVER;
    }
    const { taxRate: _taxRate, ...rest } = v;
    return { ...rest, taxRateBp: rate.bp };
  });
export type SettingsInput = z.output<typeof settingsSchema>;
