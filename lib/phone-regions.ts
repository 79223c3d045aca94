import type { PhoneRegionTable } from "./phone-region-table.mjs";

// The phone field's countries without the phone metadata: next.config.mjs
// inlines lib/phone-region-table.mjs's table (calling codes and example
// numbers, about 2 kB gzip) as CLIENTDESK_PHONE_REGIONS, and jest.config.mjs
// sets the same. Reading a number needs the metadata (lib/phone.ts), which
// the browser loads only when a number is typed.

let table: ReadonlyMap<string, readonly [number, string]> | null = null;

function regions(): ReadonlyMap<string, readonly [number, string]> {
  if (!table) {
    const inlined = process.env.CLIENTDESK_PHONE_REGIONS;
    if (!inlined) throw new Error("CLIENTDESK_PHONE_REGIONS is not set: next.config.mjs and jest.config.mjs set it from lib/phone-region-table.mjs");
    table = new Map(Object.entries(JSON.parse(inlined) as PhoneRegionTable));
  }
  return table;
}

/** True for a two-letter region the phone metadata knows ("US", "GB"), the picker's values. */
export function isPickerRegion(code: unknown): code is string {
  return typeof code === "string" && regions().has(code);
}

/** A mobile number of the region in its national form, for the field's placeholder ("" when the metadata has none). */
export function examplePhone(region: string): string {
  return regions().get(region)?.[1] ?? "";
}

export type PhoneRegion = { region: string; name: string; callingCode: number };

const regionLists = new Map<string, PhoneRegion[]>();

/** Every region the metadata supports, named in `displayLocale`, sorted by name. */
export function phoneRegions(displayLocale = "en"): PhoneRegion[] {
  const cached = regionLists.get(displayLocale);
  if (cached) return cached;
  let names: Intl.DisplayNames | null = null;
  try {
    names = new Intl.DisplayNames([displayLocale, "en"], { type: "region" });
  } catch {
    names = null;
  }
  const list = [...regions()].map(([region, [callingCode]]) => ({ region, name: names?.of(region) ?? region, callingCode })).sort((a, b) => a.name.localeCompare(b.name, displayLocale));
  regionLists.set(displayLocale, list);
  return list;
}

/** A stored number as the phone field opens it: its country, its national form, and its international form for the "Valid number" line (lib/phone phoneField). */
export type PhoneField = { region: string; national: string; international: string | null };
