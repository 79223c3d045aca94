import { getAsYouType, getCountryCodeForRegionCode, getExample, getSupportedRegionCodes, parsePhoneNumber, type ParsedPhoneNumber } from "awesome-phonenumber";
import type { PhoneField } from "./phone-regions";
import { phoneExample } from "./phone-region-table.mjs";

export { phoneExample };

// Phone numbers through Google's libphonenumber metadata (awesome-phonenumber):
// read with a country (the picker's, or the business's for an import) or in
// international form (+… or 00…), accepted only when the number can exist,
// stored in E.164 ("+14155550123"), shown in national form when it is in the
// business's country and international form otherwise.

export const DEFAULT_PHONE_REGION = "US";

const SUPPORTED = new Set(getSupportedRegionCodes());

/** True for a two-letter region the metadata knows ("US", "GB"), the picker's values. */
export function isPhoneRegion(code: unknown): code is string {
  return typeof code === "string" && SUPPORTED.has(code);
}

const regionsByLocale = new Map<string, string>();

/** The business's country from its locale ("en-US" → US, "de-DE" → DE, "de" → DE), else US. */
export function regionFromLocale(locale: string | null | undefined): string {
  if (!locale) return DEFAULT_PHONE_REGION;
  // Every page asks (the root layout, lists, documents) for the one locale in settings;
  // Intl.Locale's maximize() costs about 0.1 ms, so the answers are kept (a few locales at most).
  let region = regionsByLocale.get(locale);
  if (region === undefined) {
    region = readRegion(locale);
    if (regionsByLocale.size >= 64) regionsByLocale.clear();
    regionsByLocale.set(locale, region);
  }
  return region;
}

function readRegion(locale: string): string {
  try {
    const loc = new Intl.Locale(locale);
    const region = loc.region ?? loc.maximize().region;
    return isPhoneRegion(region) ? region : DEFAULT_PHONE_REGION;
  } catch {
    return DEFAULT_PHONE_REGION;
  }
}

const regionNames = new Map<string, Intl.DisplayNames | null>();

/** A region's name for messages ("United Kingdom"), as the phone field's picker names it (lib/phone-regions.ts). */
export function regionName(region: string, displayLocale = "en"): string {
  let names = regionNames.get(displayLocale);
  if (names === undefined) {
    try {
      names = new Intl.DisplayNames([displayLocale, "en"], { type: "region" });
    } catch {
      names = null;
    }
    regionNames.set(displayLocale, names);
  }
  return names?.of(region) ?? region;
}

export type PhoneParse = { ok: true; e164: string; region: string; canTakeSms: boolean } | { ok: false; error: string };

// What people type: digits, a leading +, spaces, brackets, dashes, dots, slashes.
// Letters (vanity numbers, "ext.") are refused, not read as digits.
const TYPED = /^\+?[\d\s().\-/\u00a0]+$/;
const MAX_TYPED = 40;

/** "00 44 …" is the international form most of the world dials: read it as "+44 …". */
function internationalForm(text: string): string | null {
  const compact = text.trim();
  if (compact.startsWith("+")) return compact;
  const digits = compact.replace(/[\s().\-/\u00a0]/g, "");
  return digits.startsWith("00") ? `+${digits.slice(2)}` : null;
}

/**
 * Reads a typed number. A "+" or "00" number carries its own country;
 * anything else is read in `region` (the picker's country), which may be
 * null when nothing says the country (then only international form works).
 * Only numbers the metadata says are valid pass: "+1 555 123 4567" can't exist.
 */
export function parsePhone(typed: string, region: string | null): PhoneParse {
  const text = typed.trim();
  const where = region && isPhoneRegion(region) ? region : null;
  const example = (r: string | null) => (r && phoneExample(r) ? `, like ${phoneExample(r)}` : "");
  if (!text || text.length > MAX_TYPED || !TYPED.test(text) || text.lastIndexOf("+") > 0) {
    return { ok: false, error: "Enter a phone number in digits, as you'd dial it" + example(where) };
  }
  const international = internationalForm(text);
  if (!international && !where) return { ok: false, error: "Pick the number's country, or type it with its country code, like +1 201 555 0123" };
  const parsed: ParsedPhoneNumber = international ? parsePhoneNumber(international) : parsePhoneNumber(text, { regionCode: where! });
  if (!parsed.valid) {
    const shown = parsed.regionCode && isPhoneRegion(parsed.regionCode) ? parsed.regionCode : where;
    if (!shown) return { ok: false, error: "That country code doesn't exist: check the digits after the +" };
    return { ok: false, error: `That isn't a phone number that exists in ${regionName(shown)}: type it as you'd dial it${example(shown)}` };
  }
  return { ok: true, e164: parsed.number.e164, region: parsed.regionCode, canTakeSms: parsed.typeIsMobile };
}

/**
 * The numbers we text (SMS opt-in, two-step sign-in codes) must be able to
 * take a text: the metadata's "mobile" or "fixed-line-or-mobile" (the US and
 * Canada don't tell the two apart). A landline, pager, toll-free or VoIP
 * number is refused with an example mobile number.
 */
export function smsError(result: Extract<PhoneParse, { ok: true }>): string | null {
  if (result.canTakeSms) return null;
  const example = phoneExample(result.region);
  return `That number can't take text messages: enter a mobile number${example ? `, like ${example}` : ""}`;
}

/**
 * A stored E.164 number for people: national form ("(415) 555-0100") when
 * it is in the business's country, international ("+44 20 7946 0018")
 * otherwise. Something that doesn't read as a number is shown as stored.
 */
export function formatPhone(e164: string | null | undefined, businessRegion: string): string {
  if (!e164) return "";
  const parsed = parsePhoneNumber(e164);
  if (!parsed.number?.international) return e164;
  return parsed.regionCode === businessRegion && parsed.number.national ? parsed.number.national : parsed.number.international;
}

/** A stored E.164 number in international form ("+1 415-555-0100"), whatever the business's country. */
export function formatInternational(e164: string): string {
  return parsePhoneNumber(e164).number?.international ?? e164;
}

/** A stored number split for editing: its country and its national form. */
export function splitPhone(e164: string | null | undefined, fallbackRegion: string): { region: string; national: string } {
  if (!e164) return { region: fallbackRegion, national: "" };
  const parsed = parsePhoneNumber(e164);
  if (!parsed.number?.national || !isPhoneRegion(parsed.regionCode)) return { region: fallbackRegion, national: e164 };
  return { region: parsed.regionCode, national: parsed.number.national };
}

/** A stored number as the phone field opens it (components/forms/phone-input.tsx): split, and in international form, on the server, so the field draws it before the metadata reaches the browser. */
export function phoneField(e164: string | null | undefined, fallbackRegion: string): PhoneField {
  const { region, national } = splitPhone(e164, fallbackRegion);
  const parsed = e164 ? parsePhoneNumber(e164) : null;
  return { region, national, international: parsed?.valid ? (parsed.number.international ?? null) : null };
}

/** The typed text formatted as the region writes numbers (AsYouType), for the input as it is typed. */
export function formatAsTyped(typed: string, region: string): string {
  // Anything but digits and punctuation (a letter, a second "+") stays as typed, for the form to refuse.
  if (!TYPED.test(typed.trim()) || typed.lastIndexOf("+") > typed.indexOf("+") || !isPhoneRegion(region)) return typed;
  return getAsYouType(region).reset(typed.replace(/[^\d+]/g, ""));
}

// The trunk prefix a country dials before a national number ("0" in the UK,
// nothing in the US or Italy), read off the metadata's example number.
const trunkPrefixes = new Map<string, string>();
function trunkPrefix(region: string): string {
  let prefix = trunkPrefixes.get(region);
  if (prefix === undefined) {
    const number = getExample(region).number;
    const national = number?.national.replace(/\D/g, "") ?? "";
    const significant = number?.significant ?? "";
    prefix = significant && national.endsWith(significant) ? national.slice(0, national.length - significant.length) : "";
    trunkPrefixes.set(region, prefix);
  }
  return prefix;
}

/**
 * The E.164 prefixes a typed search may mean, for prefix LIKE on the stored
 * column: "+1 415 555" and "001415555" as typed; "(415) 555" in the
 * business's country (+1415555); "020 7946" in the UK without its trunk 0
 * (+44207946); and "1415555" as a number typed without its "+". Empty when
 * the query isn't number-like.
 */
export function phoneSearchPrefixes(q: string, businessRegion: string): string[] {
  const text = q.trim();
  if (!TYPED.test(text) || text.lastIndexOf("+") > 0) return [];
  const digits = text.replace(/\D/g, "");
  if (digits.length < 2) return [];
  if (text.startsWith("+")) return [`+${digits}`];
  if (digits.startsWith("00")) return digits.length > 3 ? [`+${digits.slice(2)}`] : [];
  const out = new Set<string>();
  const region = isPhoneRegion(businessRegion) ? businessRegion : DEFAULT_PHONE_REGION;
  const trunk = trunkPrefix(region);
  const national = trunk && digits.startsWith(trunk) ? digits.slice(trunk.length) : digits;
  if (national) out.add(`+${getCountryCodeForRegionCode(region)}${national}`);
  if (!digits.startsWith("0")) out.add(`+${digits}`);
  return [...out];
}
