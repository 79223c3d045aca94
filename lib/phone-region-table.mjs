// The phone countries the metadata knows, each with its calling code and an
// example mobile number, read from awesome-phonenumber. Plain JavaScript so
// next.config.mjs can run it at build time and inline the table into the
// bundles (CLIENTDESK_PHONE_REGIONS): the phone field draws its country
// picker and placeholder from it, and loads the metadata itself (about 75 kB
// gzip) only when someone types a number (components/forms/phone-input.tsx).
import { getCountryCodeForRegionCode, getExample, getSupportedRegionCodes } from "awesome-phonenumber";

/** @typedef {Record<string, [callingCode: number, example: string]>} PhoneRegionTable */

/** The national form of an example number of one type, or undefined (the metadata throws for some: Tristan da Cunha has no mobile example). */
function example(region, type) {
  try {
    return getExample(region, type).number?.national || undefined;
  } catch {
    return undefined;
  }
}

/**
 * A mobile number of the region in its national form, for placeholders and
 * error messages; any example when the metadata has no mobile one; "" when it has none.
 * @param {string} region
 * @returns {string}
 */
export function phoneExample(region) {
  return example(region, "mobile") ?? example(region) ?? "";
}

/**
 * Every supported region, in code order: its calling code and phoneExample.
 * @returns {PhoneRegionTable}
 */
export function buildPhoneRegionTable() {
  /** @type {PhoneRegionTable} */
  const table = {};
  for (const region of getSupportedRegionCodes().sort()) table[region] = [getCountryCodeForRegionCode(region), phoneExample(region)];
  return table;
}
