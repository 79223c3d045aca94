// The locales a business can pick: how amounts are typed and shown, and how
// PDFs and emails write numbers and dates. Each writes Latin digits, which
// lib/money parses; each is in canonical BCP 47 form ("de-DE", not "de-de").

export const BUSINESS_LOCALES = [
  "en-US",
  "en-GB",
  "en-CA",
  "en-AU",
  "en-IE",
  "en-IN",
  "en-NZ",
  "en-ZA",
  "de-DE",
  "de-AT",
  "de-CH",
  "fr-FR",
  "fr-BE",
  "fr-CA",
  "fr-CH",
  "nl-NL",
  "nl-BE",
  "es-ES",
  "es-MX",
  "it-IT",
  "pt-PT",
  "pt-BR",
  "sv-SE",
  "da-DK",
  "nb-NO",
  "fi-FI",
  "pl-PL",
  "cs-CZ",
  "ja-JP",
  "zh-CN",
  "ko-KR",
] as const;

export type BusinessLocale = (typeof BUSINESS_LOCALES)[number];

/** A supported locale exactly as stored (canonical spelling), or false: "de-de", "de", "xx-YY" and anything else are refused. */
export function isBusinessLocale(value: unknown): value is BusinessLocale {
  return typeof value === "string" && (BUSINESS_LOCALES as readonly string[]).includes(value);
}

/** The select's options: each locale named in English by Intl ("German (Germany)"), sorted by name. */
export function localeOptions(): { value: BusinessLocale; label: string }[] {
  const names = new Intl.DisplayNames(["en"], { type: "language" });
  return BUSINESS_LOCALES.map((value) => ({ value, label: `${names.of(value) ?? value} (${value})` })).sort((a, b) => a.label.localeCompare(b.label, "en"));
}

/** Every IANA time zone this runtime knows (Intl.supportedValuesOf), plus "UTC", the default. */
export function timeZoneNames(): string[] {
  const zones = Intl.supportedValuesOf("timeZone");
  return zones.includes("UTC") ? zones : ["UTC", ...zones];
}

export function isTimeZoneName(value: unknown): value is string {
  return typeof value === "string" && timeZoneNames().includes(value);
}

/** The zones grouped by region ("Europe", "America"...) for an <optgroup> select; UTC first on its own. */
export function timeZoneGroups(): { region: string; zones: string[] }[] {
  const groups = new Map<string, string[]>();
  for (const zone of timeZoneNames()) {
    const region = zone.includes("/") ? zone.slice(0, zone.indexOf("/")) : "Other";
    groups.set(region, [...(groups.get(region) ?? []), zone]);
  }
  return [...groups].map(([region, zones]) => ({ region, zones })).sort((a, b) => (a.region === "Other" ? -1 : b.region === "Other" ? 1 : a.region.localeCompare(b.region)));
}
