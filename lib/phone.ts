// Phone numbers are stored in E.164 ("+15551234567"). People type them with
// spaces, dashes, dots, brackets or a leading 00; this turns that into E.164.

export type PhoneResult = { ok: true; e164: string } | { ok: false; error: string };

export const PHONE_ERROR = "Enter a phone number with its country code, like +1 555 123 4567";

export function normalizePhone(input: string): PhoneResult {
  let compact = input.trim().replace(/[\s().\-\u00a0]/g, "");
  if (compact.startsWith("00")) compact = `+${compact.slice(2)}`;
  if (!/^\+[1-9]\d{7,14}$/.test(compact)) return { ok: false, error: PHONE_ERROR };
  return { ok: true, e164: compact };
}

export type CallingCode = { country: string; name: string; dial: string };

// A short list for the picker; any other country works by typing "+<code>".
export const callingCodes: CallingCode[] = [
  { country: "US", name: "United States", dial: "1" },
  { country: "CA", name: "Canada", dial: "1" },
  { country: "GB", name: "United Kingdom", dial: "44" },
  { country: "IE", name: "Ireland", dial: "353" },
  { country: "DE", name: "Germany", dial: "49" },
  { country: "FR", name: "France", dial: "33" },
  { country: "ES", name: "Spain", dial: "34" },
  { country: "IT", name: "Italy", dial: "39" },
  { country: "NL", name: "Netherlands", dial: "31" },
  { country: "BE", name: "Belgium", dial: "32" },
  { country: "CH", name: "Switzerland", dial: "41" },
  { country: "AT", name: "Austria", dial: "43" },
  { country: "SE", name: "Sweden", dial: "46" },
  { country: "NO", name: "Norway", dial: "47" },
  { country: "DK", name: "Denmark", dial: "45" },
  { country: "PL", name: "Poland", dial: "48" },
  { country: "PT", name: "Portugal", dial: "351" },
  { country: "AU", name: "Australia", dial: "61" },
  { country: "NZ", name: "New Zealand", dial: "64" },
  { country: "IN", name: "India", dial: "91" },
  { country: "SG", name: "Singapore", dial: "65" },
  { country: "JP", name: "Japan", dial: "81" },
  { country: "BR", name: "Brazil", dial: "55" },
  { country: "MX", name: "Mexico", dial: "52" },
  { country: "ZA", name: "South Africa", dial: "27" },
];

/** Splits a stored E.164 number into the picker's country and the rest, for editing. */
export function splitPhone(e164: string | null | undefined): { country: string; national: string } {
  if (!e164) return { country: "US", national: "" };
  const match = [...callingCodes].sort((a, b) => b.dial.length - a.dial.length).find((c) => e164.startsWith(`+${c.dial}`));
  if (!match) return { country: "US", national: e164 };
  return { country: match.country, national: e164.slice(match.dial.length + 1) };
}

/** What the picker and the typed number make together: a typed "+" number wins over the picker. */
export function composePhone(country: string, typed: string): string {
  const compact = typed.trim().replace(/[\s().\-\u00a0]/g, "");
  if (!compact) return "";
  if (compact.startsWith("+") || compact.startsWith("00")) return compact.startsWith("00") ? `+${compact.slice(2)}` : compact;
  const dial = callingCodes.find((c) => c.country === country)?.dial ?? "1";
  // A national trunk prefix (the UK's leading 0) is dropped in international form.
  return `+${dial}${compact.replace(/^0+/, "")}`;
}
