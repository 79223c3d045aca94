import { z } from "zod";
import { isIsoDate } from "@/lib/dates";

// Building blocks shared by every form schema. Form posts send strings ("" for
// an empty field, "on" for a ticked box, nothing for an unticked one); our own
// components also call actions with plain objects (ids as JSON numbers,
// booleans for switches). Input is refused, never reinterpreted (DESIGN.md
// rule 13): a repeated form key arrives as an array and is refused where one
// value is expected, and nothing is String()ed or Number()ed into shape.

// ---- Text

// No keyboard types these, and they break logs, CSV cells, headers and PDFs.
// A textarea may hold tabs and line breaks; a one-line field may not.
const CONTROL_ONE_LINE = /[\u0000-\u001f\u007f]/;
const CONTROL_MULTI_LINE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
// Half of a UTF-16 surrogate pair is not a character; MySQL would store U+FFFD instead.
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?:^|[^\ud800-\udbff])[\udc00-\udfff]/;
export const CONTROL_CHARACTERS_ERROR = "Remove the hidden control characters from this text";

/** True when a string holds only what a person can type (line breaks and tabs too when multiLine). */
export function isTypedText(value: string, multiLine = false): boolean {
  return !(multiLine ? CONTROL_MULTI_LINE : CONTROL_ONE_LINE).test(value) && !LONE_SURROGATE.test(value);
}

// Browsers post a textarea's line breaks as CRLF. Stored as LF, an untouched
// form saves nothing new, and a length limit counts what was typed (the
// textarea's maxLength counts a break as one character).
const lineBreaksAsLf = (v: unknown) => (typeof v === "string" ? v.replace(/\r\n?/g, "\n") : v);

/** Optional text, one line or several: line breaks as LF, trimmed, "" (or nothing) becomes null. One string only. */
export const optionalText = (max: number, label = "This") =>
  z.preprocess(
    lineBreaksAsLf,
    z
      .string({ error: `${label} must be text` })
      .refine((v) => isTypedText(v, true), { error: CONTROL_CHARACTERS_ERROR })
      .trim()
      .max(max, { error: `${label} can be at most ${max} characters` })
      .nullish()
      .transform((v) => v || null),
  );

/** One line of required text, trimmed. One string only. */
export const requiredText = (max: number, message: string) =>
  z
    .string({ error: message })
    .refine((v) => isTypedText(v), { error: CONTROL_CHARACTERS_ERROR })
    .trim()
    .min(1, { error: message })
    .max(max, { error: `Use at most ${max} characters` });

/**
 * One line kept exactly as sent (no trimming): passwords, codes and tokens
 * from links. One string, bounded, with nothing a keyboard can't type.
 */
export const oneLine = (max: number, message: string) =>
  z
    .string({ error: message })
    .max(max, { error: message })
    .refine((v) => isTypedText(v), { error: CONTROL_CHARACTERS_ERROR });

/** A token from a link we sent (base64url, signed ones with a dot); anything else is not one of our links. */
export const linkToken = (max: number) =>
  z
    .string({ error: "This link is not valid" })
    .trim()
    .min(1, { error: "This link is not valid" })
    .max(max, { error: "This link is not valid" })
    .regex(/^[A-Za-z0-9_.-]+$/, { error: "This link is not valid" });

/**
 * A field read later by its own parser (an amount, a quantity, a rate), kept
 * as typed: one string, one line, bounded. Nothing sent reads as "" (the
 * parser then says what to enter); a number or a list is refused, so a float
 * or "1,2" made from ["1","2"] can never become an amount.
 */
export const typedValue = (max: number, message: string) =>
  z
    .string({ error: message })
    .max(max, { error: message })
    .refine((v) => isTypedText(v), { error: CONTROL_CHARACTERS_ERROR })
    .nullish()
    .transform((v) => v ?? "");

/**
 * A key the form makes when it opens (lib/idempotency-key newIdempotencyKey), so a
 * double submit acts once: letters, digits and - _ : . only.
 */
export const requestKey = z.string({ error: "Reload the page and try again" }).regex(/^[A-Za-z0-9_:.-]{8,80}$/, { error: "Reload the page and try again" });

// ---- Choices

/**
 * A checkbox: a form posts "on" when ticked and nothing when not; a plain
 * object may say true or false. Any other value ("yes", "1", a list) is refused.
 */
export const checkbox = z
  .union([z.literal("on"), z.boolean()], { error: "Tick the box or leave it empty" })
  .optional()
  .transform((v) => v === true || v === "on");

// ---- Email (phones: ./phone.ts, which alone loads the phone metadata)

export const email = z
  .string({ error: "Enter a valid email address" })
  .trim()
  .toLowerCase()
  .pipe(z.email({ error: "Enter a valid email address" }).max(255));

export const optionalEmail = z
  .string({ error: "Enter a valid email address" })
  .trim()
  .toLowerCase()
  .nullish()
  .transform((v) => v || null)
  .pipe(z.email({ error: "Enter a valid email address" }).max(255).nullable());

// ---- Whole numbers and ids

const DIGITS = /^(?:0|[1-9][0-9]{0,15})$/;

/**
 * A whole number as a person types it: ASCII digits only, so no sign, space,
 * leading zero, exponent, hex or decimal point ("0x1", " 1 ", "1e3", "01" and
 * "1.0" are refused). A JSON number is accepted when it is a safe integer:
 * our own components send ids that way, and JSON can't tell 1 from 1.0.
 * Booleans, lists and everything else are refused.
 */
export function readWholeNumber(value: unknown): number | null {
  if (typeof value === "number") return Number.isSafeInteger(value) && value >= 0 && !Object.is(value, -0) ? value : null;
  if (typeof value !== "string" || !DIGITS.test(value)) return null;
  const n = Number(value);
  return Number.isSafeInteger(n) ? n : null;
}

/** An offset-paged list's `?page=` (see readWholeNumber; the first of a repeated one): 1 when missing or malformed. */
export function readListPage(value: string | string[] | undefined): number {
  return Math.max(1, Math.min(100_000, readWholeNumber(Array.isArray(value) ? value[0] : value) ?? 1));
}

/** A whole number from min to max (see readWholeNumber), or the message. */
export const wholeNumber = (message: string, range: { min: number; max: number }) =>
  z.union([z.string(), z.number()], { error: message }).transform((v, ctx) => {
    const n = readWholeNumber(v);
    if (n === null || n < range.min || n > range.max) {
      ctx.addIssue({ code: "custom", message });
      return z.NEVER;
    }
    return n;
  });

/** A record's id: a positive whole number (see readWholeNumber). */
export const positiveId = (message: string) => wholeNumber(message, { min: 1, max: Number.MAX_SAFE_INTEGER });

export const id = positiveId("Missing record");

/** An id that may be left out: nothing, null or "" (an unpicked select) is null. */
export const optionalId = (message = "Missing record") =>
  z
    .union([z.literal("").transform(() => null), positiveId(message)], { error: message })
    .nullish()
    .transform((v) => v ?? null);

/** One id or many ("ids" repeated in a form, or an array in JSON); none is an empty list. */
export const idList = z
  .union([id, z.array(id).max(5000)], { error: "Pick from the list" })
  .optional()
  .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]));

// ---- Calendar dates

// The one calendar check (lib/dates, so browser code that needs no zod shares it).
export { isIsoDate };

/** A calendar date as a date input posts it, "YYYY-MM-DD", that exists; the message otherwise. */
export const isoDate = (message: string) => z.string({ error: message }).refine(isIsoDate, { error: message });
