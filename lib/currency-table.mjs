// The currencies this runtime's Intl knows, and each one's minor digits, read
// from Intl itself. Plain JavaScript so next.config.mjs can run it at build
// time and inline the result into the browser bundle (lib/currencies.ts says why).

/** @typedef {{ codes: string[]; digits: Record<string, number> }} CurrencyTable */

/**
 * Every ISO 4217 code Intl.supportedValuesOf("currency") lists, in code
 * order, and the minor digits of the ones that don't have 2 (JPY 0, KWD 3),
 * from Intl.NumberFormat's resolvedOptions().
 * @returns {CurrencyTable}
 */
export function buildCurrencyTable() {
  const codes = Intl.supportedValuesOf("currency");
  /** @type {Record<string, number>} */
  const digits = {};
  for (const code of codes) {
    const resolved = new Intl.NumberFormat("en", { style: "currency", currency: code }).resolvedOptions();
    if (resolved.maximumFractionDigits !== 2) digits[code] = resolved.maximumFractionDigits ?? 2;
  }
  return { codes, digits };
}
