import { z } from "zod";
import { isPhoneRegion, parsePhone, smsError } from "@/lib/phone";
import { CONTROL_CHARACTERS_ERROR, isTypedText } from "./fields";

// Phone fields. Apart from fields.ts so that a form without a phone doesn't
// send the browser the phone metadata (awesome-phonenumber, about 75 kB gzip).

/** A phone as typed ("(415) 555-0100", "+44 20 7946 0018"), read later with its country by withPhone. */
export const phoneText = z
  .string({ error: "Enter a phone number" })
  .max(40, { error: "Enter a phone number in digits, as you'd dial it" })
  .refine((v) => isTypedText(v), { error: CONTROL_CHARACTERS_ERROR })
  .nullish();

/** The phone picker's country ("US", "GB"); "" or nothing when none was picked. */
export const phoneCountry = z
  .string({ error: "Pick a country from the list" })
  .refine((v) => v === "" || isPhoneRegion(v), { error: "Pick a country from the list" })
  .nullish();

type PhoneFields = { phone?: string | null; phoneCountry?: string | null };
type PhoneRule<T> = {
  /** Set when a number is required: the message for an empty field. */
  required?: string;
  /** True when this submission texts the number (SMS opt-in, two-step codes): then it must be able to take a text. */
  texts?: (value: T) => boolean;
};

function readPhone<T extends PhoneFields>(value: T, rule: PhoneRule<T>): { e164: string | null } | { error: string } {
  const typed = value.phone?.trim() ?? "";
  if (!typed) return rule.required ? { error: rule.required } : { e164: null };
  const result = parsePhone(typed, value.phoneCountry || null);
  if (!result.ok) return { error: result.error };
  const cannotText = rule.texts?.(value) ? smsError(result) : null;
  return cannotText ? { error: cannotText } : { e164: result.e164 };
}

/**
 * Reads an object's `phone` with its `phoneCountry` (the picker's) into E.164
 * or null. The field error is reported even when other fields fail too; the
 * output drops phoneCountry and holds the E.164 number.
 */
export function withPhone<S extends z.ZodType<PhoneFields>>(schema: S, rule: PhoneRule<z.output<S>> = {}) {
  return schema
    .superRefine((value, ctx) => {
      if (value.phone !== undefined && value.phone !== null && typeof value.phone !== "string") return;
      const read = readPhone(value, rule);
      if ("error" in read) ctx.addIssue({ code: "custom", path: ["phone"], message: read.error });
    })
    .transform((value, ctx) => {
      const { phoneCountry: _country, ...rest } = value;
      const read = readPhone(value, rule);
      if ("error" in read) {
        ctx.addIssue({ code: "custom", path: ["phone"], message: read.error });
        return z.NEVER;
      }
      return { ...rest, phone: read.e164 } as Omit<z.output<S>, "phone" | "phoneCountry"> & { phone: string | null };
    });
}
