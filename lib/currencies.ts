import { buildCurrencyTable, type CurrencyTable } from "./currency-table.mjs";

// The one list of currencies: every ISO 4217 code Intl knows, with its minor
// digits and a readable name. Schemas, pickers and lib/money all read it.
//
// The digits are read from Node's Intl, and next.config.mjs inlines the same
// table into the browser bundle, because browsers disagree with Node and with
// each other (Chromium 156 gives RSD 0 digits where Node 20 gives 2; Firefox
// follows ISO 4217, so HUF has 2 there and 0 in V8). A browser reading an
// amount with other digits than the server would show it 100 times too large.
// Stored amounts are minor units in these digits, so a Node upgrade that
// changes a currency's digits changes what its stored amounts mean:
// tests/unit/currencies.test.ts pins them and fails first.

type Loaded = { codes: readonly string[]; known: ReadonlySet<string>; digits: ReadonlyMap<string, number> };
let loaded: Loaded | null = null;

function table(): Loaded {
  if (!loaded) {
    // Replaced with the build's table by next.config.mjs; scripts and tests read Intl directly.
    const inlined = process.env.CLIENTDESK_CURRENCY_TABLE;
    const raw: CurrencyTable = inlined ? JSON.parse(inlined) : buildCurrencyTable();
    loaded = { codes: raw.codes, known: new Set(raw.codes), digits: new Map(Object.entries(raw.digits)) };
  }
  return loaded;
}

/** Every supported currency code, in code order. */
export function currencyCodes(): readonly string[] {
  return table().codes;
}

/** Whether a code (exactly, in capitals) is a currency we bill in. */
export function isCurrencyCode(code: string): boolean {
  return table().known.has(code);
}

/**
 * The currency's minor digits (JPY 0, USD 2, KWD 3): how many decimals its
 * amounts have and what its minor unit is. A code Intl doesn't list has 2,
 * as Intl itself gives it; schemas refuse such codes.
 */
export function currencyDigits(code: string): number {
  return table().digits.get(code.toUpperCase()) ?? 2;
}

// Offered first in pickers: the most traded currencies (BIS triennial survey,
// 2022) and PLN. Only the order comes from here; every code in the list is accepted.
const COMMON = ["USD", "EUR", "JPY", "GBP", "CNY", "AUD", "CAD", "CHF", "HKD", "SGD", "SEK", "KRW", "NOK", "NZD", "INR", "MXN", "TWD", "ZAR", "BRL", "DKK", "PLN"];

const displayNames = new Map<string, Intl.DisplayNames>();

/** The currency's name in a language ("Japanese Yen"), or the code when Intl has none. */
export function currencyName(code: string, locale = "en"): string {
  let names = displayNames.get(locale);
  if (!names) displayNames.set(locale, (names = new Intl.DisplayNames(locale, { type: "currency", fallback: "code" })));
  try {
    return names.of(code) ?? code;
  } catch {
    return code;
  }
}

export type CurrencyChoice = { code: string; label: string };
export type CurrencyChoices = { common: CurrencyChoice[]; other: CurrencyChoice[] };

/**
 * A picker's options: the preferred currencies (the business's, the
 * client's) and the common ones first, then every other one by code, each
 * as "JPY — Japanese Yen". A current value that is no longer a currency we
 * know stays on the list, marked, so the form shows what is stored and the
 * schema asks for another.
 */
export function currencyChoices({ preferred = [], current, locale = "en" }: { preferred?: (string | null | undefined)[]; current?: string | null; locale?: string } = {}): CurrencyChoices {
  const choice = (code: string): CurrencyChoice => ({ code, label: isCurrencyCode(code) ? `${code} — ${currencyName(code, locale)}` : `${code} (not a currency we know)` });
  const wanted = [current, ...preferred].filter((c): c is string => typeof c === "string" && c !== "");
  const common = [...new Set([...wanted.filter((c) => c === current || isCurrencyCode(c)), ...COMMON.filter(isCurrencyCode)])];
  const taken = new Set(common);
  return {
    common: common.map(choice),
    other: currencyCodes()
      .filter((c) => !taken.has(c))
      .map(choice),
  };
}

/** Every code for a plain picker, common ones first (the current one leads when it isn't common). */
export function currencyOptions(current?: string | null): string[] {
  const { common, other } = currencyChoices({ current });
  return [...common, ...other].map((c) => c.code);
}
