import { z } from "zod";
import { normalizePhone } from "@/lib/phone";

// Building blocks shared by the back-office form schemas. Form posts send
// strings ("" for an empty field, "on" for a ticked box); JSON callers may
// send real booleans and numbers, so each field accepts both.

/** Optional text: trimmed, "" becomes null. */
export const optionalText = (max: number, label = "This") =>
  z.preprocess(
    (v) => (v == null ? "" : v),
    z
      .string()
      .trim()
      .max(max, { error: `${label} can be at most ${max} characters` })
      .transform((v) => (v === "" ? null : v)),
  );

export const requiredText = (max: number, message: string) =>
  z.preprocess((v) => (v == null ? "" : v), z.string().trim().min(1, { error: message }).max(max, { error: `Use at most ${max} characters` }));

export const checkbox = z.preprocess((v) => v === true || v === "on" || v === "true" || v === "1", z.boolean());

export const email = z.string().trim().toLowerCase().pipe(z.email({ error: "Enter a valid email address" }).max(255));

export const optionalEmail = z.preprocess(
  (v) => (v == null ? "" : typeof v === "string" ? v.trim().toLowerCase() : v),
  z.union([z.literal("").transform(() => null), z.email({ error: "Enter a valid email address" }).max(255)]),
);

/** An optional phone in any friendly format, stored as E.164 or null. */
export const optionalPhone = z.preprocess(
  (v) => (v == null ? "" : v),
  z
    .string()
    .trim()
    .transform((v, ctx) => {
      if (v === "") return null;
      const result = normalizePhone(v);
      if (!result.ok) {
        ctx.addIssue({ code: "custom", message: result.error });
        return z.NEVER;
      }
      return result.e164;
    }),
);

export const id = z.coerce.number({ error: "Missing record" }).int().positive();

/** One id or many ("ids" repeated in a form, or an array in JSON). */
export const idList = z.preprocess((v) => (v == null ? [] : Array.isArray(v) ? v : [v]), z.array(id).max(5000));
