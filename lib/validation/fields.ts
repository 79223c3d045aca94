import { z } from "zod";
import { normalizePhone } from "@/lib/phone";

// Building blocks shared by the back-office form schemas. Form posts send
// strings ("" for an empty field, "on" for a ticked box, nothing for an
// unticked one); JSON callers may send real booleans, numbers or nothing, so
// optional fields accept all of those.

// Browsers post a textarea's line breaks as CRLF. Stored as LF, an untouched
// form saves nothing new, and a length limit counts what was typed (the
// textarea's maxLength counts a break as one character).
const lineBreaksAsLf = (v: unknown) => (typeof v === "string" ? v.replace(/\r\n?/g, "\n") : v);

/** Optional text, one line or several: line breaks as LF, trimmed, "" becomes null. */
export const optionalText = (max: number, label = "This") =>
  z.preprocess(
    lineBreaksAsLf,
    z
      .string()
      .trim()
      .max(max, { error: `${label} can be at most ${max} characters` })
      .nullish()
      .transform((v) => v || null),
  );

export const requiredText = (max: number, message: string) =>
  z
    .string({ error: message })
    .trim()
    .min(1, { error: message })
    .max(max, { error: `Use at most ${max} characters` });

export const checkbox = z
  .union([z.boolean(), z.string()])
  .optional()
  .transform((v) => v === true || v === "on" || v === "true" || v === "1");

export const email = z.string({ error: "Enter a valid email address" }).trim().toLowerCase().pipe(z.email({ error: "Enter a valid email address" }).max(255));

export const optionalEmail = z
  .string()
  .trim()
  .toLowerCase()
  .nullish()
  .transform((v) => v || null)
  .pipe(z.email({ error: "Enter a valid email address" }).max(255).nullable());

/** An optional phone in any friendly format, stored as E.164 or null. */
export const optionalPhone = z
  .string()
  .nullish()
  .transform((v, ctx) => {
    if (!v?.trim()) return null;
    const result = normalizePhone(v);
    if (!result.ok) {
      ctx.addIssue({ code: "custom", message: result.error });
      return z.NEVER;
    }
    return result.e164;
  });

export const id = z.coerce.number({ error: "Missing record" }).int().positive();

/** One id or many ("ids" repeated in a form, or an array in JSON); none is an empty list. */
export const idList = z
  .union([id, z.array(id).max(5000)])
  .optional()
  .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]));
