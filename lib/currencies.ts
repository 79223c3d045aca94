// Currencies offered in pickers; settings may name any ISO 4217 code.
export const commonCurrencies = ["USD", "EUR", "GBP", "CAD", "AUD", "NZD", "CHF", "SEK", "NOK", "DKK", "PLN", "JPY", "INR", "SGD", "BRL", "MXN", "ZAR"] as const;

export function currencyOptions(current?: string | null): string[] {
  return current && !(commonCurrencies as readonly string[]).includes(current) ? [current, ...commonCurrencies] : [...commonCurrencies];
}
