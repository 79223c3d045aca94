// Money is integer minor units (cents) everywhere. This module is the only
// place that parses, formats, sums and rounds it.

import { currencyDigits } from "@/lib/currencies";

export type Minor = number;

/** The currency's minor digits (JPY 0, USD 2, KWD 3), from Intl through lib/currencies. */
export function minorDigits(currency: string): number {
  return currencyDigits(currency);
}

function assertSafe(value: number, what: string): void {
  if (!Number.isSafeInteger(value)) throw new RangeError(`${what} is not a safe integer: ${value}`);
}

const formatters = new Map<string, Intl.NumberFormat>();

/** The amount as the locale shows it, with the currency ("$1,234.50", "1.234,50 €"). The locale is always the caller's: the business's, never a default. */
export function formatMoney(minor: Minor, currency: string, locale: string): string {
  assertSafe(minor, "amount");
  const key = `${locale}|${currency}`;
  let fmt = formatters.get(key);
  if (!fmt) {
    const digits = minorDigits(currency);
    fmt = new Intl.NumberFormat(locale, { style: "currency", currency, numberingSystem: "latn", minimumFractionDigits: digits, maximumFractionDigits: digits });
    formatters.set(key, fmt);
  }
  return fmt.format(minor / 10 ** minorDigits(currency));
}

const compactFormatters = new Map<string, Intl.NumberFormat>();

/** Short amounts for chart axes ("$1.2M", "$950"); never for totals a person reads as exact. */
export function formatMoneyCompact(minor: Minor, currency: string, locale: string): string {
  assertSafe(minor, "amount");
  const key = `${locale}|${currency}`;
  let fmt = compactFormatters.get(key);
  if (!fmt) {
    fmt = new Intl.NumberFormat(locale, { style: "currency", currency, numberingSystem: "latn", notation: "compact", minimumFractionDigits: 0, maximumFractionDigits: 1 });
    compactFormatters.set(key, fmt);
  }
  return fmt.format(minor / 10 ** minorDigits(currency));
}

/** Plain decimal text for inputs and CSV ("1234.50"), never grouped. */
export function toDecimalString(minor: Minor, currency: string): string {
  assertSafe(minor, "amount");
  const digits = minorDigits(currency);
  const sign = minor < 0 ? "-" : "";
  const abs = Math.abs(minor);
  if (digits === 0) return `${sign}${abs}`;
  const units = Math.floor(abs / 10 ** digits);
  const frac = String(abs % 10 ** digits).padStart(digits, "0");
  return `${sign}${units}.${frac}`;
}

const inputFormatters = new Map<string, Intl.NumberFormat>();

/**
 * The amount as a person would type it in the locale, without the currency:
 * "1,234.50" in en-US, "1.234,50" in de-DE, "1,23,456.50" in en-IN, "1,234"
 * for JPY. What amount inputs show and reformat to on blur; parseMoney reads it back.
 */
export function formatAmountInput(minor: Minor, currency: string, locale: string): string {
  assertSafe(minor, "amount");
  const key = `${locale}|${currency}`;
  let fmt = inputFormatters.get(key);
  if (!fmt) {
    const digits = minorDigits(currency);
    fmt = new Intl.NumberFormat(locale, { numberingSystem: "latn", useGrouping: true, minimumFractionDigits: digits, maximumFractionDigits: digits });
    inputFormatters.set(key, fmt);
  }
  // Through a decimal string, so amounts past 2^53 / 100 never pass through a float division.
  return fmt.format(toDecimalString(minor, currency) as `${number}`);
}

export type ParseResult = { ok: true; minor: Minor } | { ok: false; error: string };

export type NumberSeparators = { group: string; decimal: string };

/** Longer than any amount a person types; a longer input is refused before any matching. */
const MONEY_INPUT_MAX = 64;

const separatorCache = new Map<string, NumberSeparators>();

/** The locale's group and decimal separators ("," and "." in en-US, "." and "," in de-DE), in Latin digits. */
export function numberSeparators(locale: string): NumberSeparators {
  let found = separatorCache.get(locale);
  if (!found) {
    const parts = new Intl.NumberFormat(locale, { numberingSystem: "latn", useGrouping: true }).formatToParts(1234567.5);
    found = { group: parts.find((p) => p.type === "group")?.value ?? ",", decimal: parts.find((p) => p.type === "decimal")?.value ?? "." };
    separatorCache.set(locale, found);
  }
  return found;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

// What people type for a locale's group separator: fr-FR groups with a narrow
// no-break space and sv-SE with a no-break space, but a keyboard gives a plain
// space; de-CH's apostrophe is typed straight or curly.
function groupPattern(group: string): string {
  if (/^\s$/.test(group)) return "[ \u00a0\u202f]";
  if (group === "'" || group === "\u2019") return "['\u2019]";
  return escapeRegExp(group);
}

/**
 * The whole digits of a number as the locale writes them: plain ("1234") or
 * grouped in threes after a first group of one to three digits ("1,234,567"
 * in en-US), never a group of another size ("1,50" is not a number there).
 */
export function integerPattern(locale: string): string {
  const g = groupPattern(numberSeparators(locale).group);
  // en-IN and hi-IN group in twos above the thousands ("12,34,567"): that form and no other.
  if (secondaryGroupSize(locale) === 2) return `(?:[1-9][0-9]?(?:${g}[0-9]{2})*${g}[0-9]{3}|[0-9]+)`;
  return `(?:[1-9][0-9]{0,2}(?:${g}[0-9]{3})+|[0-9]+)`;
}

const secondaryCache = new Map<string, number>();

/** The size of the groups above the first (3 in most locales, 2 in en-IN), from Intl. */
function secondaryGroupSize(locale: string): number {
  let size = secondaryCache.get(locale);
  if (size === undefined) {
    const parts = new Intl.NumberFormat(locale, { numberingSystem: "latn", useGrouping: true }).formatToParts(123456789);
    const integers = parts.filter((p) => p.type === "integer").map((p) => p.value.length);
    size = integers.length > 2 ? integers[integers.length - 2]! : 3;
    secondaryCache.set(locale, size);
  }
  return size;
}

const decimalCache = new Map<string, RegExp>();

/**
 * An unsigned decimal number as the locale writes it (whole digits as in
 * integerPattern, then the decimal separator and any digits): the whole
 * digits with the groups taken out and the decimals, or null. For quantities
 * and other plain numbers; amounts go through parseMoney.
 */
export function readDecimal(input: string, locale: string): { whole: string; frac: string } | null {
  let pattern = decimalCache.get(locale);
  if (!pattern) {
    pattern = new RegExp(`^\\s*(?<int>${integerPattern(locale)})?(?:${escapeRegExp(numberSeparators(locale).decimal)}(?<frac>[0-9]*))?\\s*$`);
    decimalCache.set(locale, pattern);
  }
  const g = input.length <= MONEY_INPUT_MAX ? pattern.exec(input)?.groups : undefined;
  if (!g || (g.int === undefined && !g.frac)) return null;
  return { whole: (g.int ?? "").replace(/[^0-9]/g, ""), frac: g.frac ?? "" };
}

type MoneyGrammar = { pattern: RegExp; group: RegExp; example: string; small: string };
const grammarCache = new Map<string, MoneyGrammar>();

function moneyGrammar(currency: string, locale: string): MoneyGrammar {
  const key = `${locale}|${currency}`;
  let grammar = grammarCache.get(key);
  if (grammar) return grammar;
  const digits = minorDigits(currency);
  const { group, decimal } = numberSeparators(locale);
  // The currency as this locale writes it (symbol or narrow symbol) or its ISO code.
  const symbols = new Set<string>([currency.toUpperCase()]);
  for (const currencyDisplay of ["symbol", "narrowSymbol"] as const) {
    try {
      const parts = new Intl.NumberFormat(locale, { style: "currency", currency, currencyDisplay }).formatToParts(1);
      const symbol = parts.find((p) => p.type === "currency")?.value;
      if (symbol) symbols.add(symbol);
    } catch {
      // Not a currency Intl knows: only its code is accepted.
    }
  }
  const cur = [...symbols]
    .sort((a, b) => b.length - a.length)
    .map(escapeRegExp)
    .join("|");
  const number = `(?<int>${integerPattern(locale)})?(?:${escapeRegExp(decimal)}(?<frac>[0-9]+))?`;
  const sign = "[-\u2212]";
  const plain = new Intl.NumberFormat(locale, { numberingSystem: "latn", useGrouping: true, minimumFractionDigits: digits, maximumFractionDigits: digits });
  grammar = {
    // [-] [currency] [-] number [currency]: a sign and a currency at most once each.
    pattern: new RegExp(`^(?<s1>${sign})?\\s*(?:(?<c1>${cur})\\s*)?(?<s2>${sign})?${number}(?:\\s*(?<c2>${cur}))?$`, "i"),
    group: new RegExp(groupPattern(group), "g"),
    // A larger example where the locale's groups differ above the thousands ("1,23,456.50" in en-IN).
    example: plain.format(secondaryGroupSize(locale) === 3 ? (digits ? 1234.5 : 1234) : digits ? 123456.5 : 123456),
    small: plain.format(120),
  };
  grammarCache.set(key, grammar);
  return grammar;
}

/**
 * Parses what a person types into minor units, in the business's locale
 * (always passed: there is no default to fall back to), without floating point. Accepted: digits, grouped only in
 * the integer part and only in threes ("1,234.50"), or not grouped at all
 * ("1234.5"); at most the currency's minor digits after the decimal
 * separator; an optional minus sign and the currency's symbol or code before
 * or after. Anything else is refused, never guessed at: in en-US "1,50" could
 * be 1.50 or 150, so it is refused with the form expected
 * ("Enter the amount like 1,234.50"). In de-DE the same rules read
 * "1.234,50" and "12,50".
 */
export function parseMoney(input: string, currency: string, locale: string): ParseResult {
  const grammar = moneyGrammar(currency, locale);
  const digits = minorDigits(currency);
  const text = typeof input === "string" ? input.trim() : "";
  if (!text) return { ok: false, error: `Enter an amount, like ${grammar.small}` };
  const match = text.length <= MONEY_INPUT_MAX ? grammar.pattern.exec(text) : null;
  const g = match?.groups;
  if (!g || (g.int === undefined && g.frac === undefined) || (g.s1 && g.s2) || (g.c1 && g.c2)) {
    // Digits with separators we won't guess at get the form we expect; anything else is not an amount at all.
    return { ok: false, error: /[0-9]/.test(text) ? `Enter the amount like ${grammar.example}` : `Enter an amount, like ${grammar.small}` };
  }
  const frac = g.frac ?? "";
  if (frac.length > digits) return { ok: false, error: digits === 0 ? "This currency has no decimal places" : `Use at most ${digits} decimal places` };
  const whole = (g.int ?? "0").replace(grammar.group, "");
  if (whole.length > 16) return { ok: false, error: "That amount is too large" };
  const minor = Number(whole) * 10 ** digits + Number(frac.padEnd(digits, "0") || "0");
  if (!Number.isSafeInteger(minor)) return { ok: false, error: "That amount is too large" };
  return { ok: true, minor: (g.s1 || g.s2) && minor !== 0 ? -minor : minor };
}

/** Rounds a rational amount num/den to the nearest integer, halves away from zero. */
export function roundDiv(num: number, den: number): Minor {
  if (den <= 0) throw new RangeError("denominator must be positive");
  assertSafe(num, "numerator");
  const sign = num < 0 ? -1 : 1;
  const abs = Math.abs(num);
  const q = Math.floor(abs / den);
  const r = abs - q * den;
  return sign * (r * 2 >= den ? q + 1 : q);
}

export function sumMinor(values: Iterable<Minor>): Minor {
  let total = 0;
  for (const v of values) {
    assertSafe(v, "amount");
    total += v;
  }
  assertSafe(total, "sum");
  return total;
}

// Products of amounts (quantity × price, amount × tax rate, discount ×
// weight) pass 2^53 long before the amounts do, so they are worked out in
// BigInt, exactly; only results that fit a safe integer come back as numbers.
const MAX_MINOR = BigInt(Number.MAX_SAFE_INTEGER);
const fits = (v: bigint) => v <= MAX_MINOR && v >= -MAX_MINOR;

function big(value: number, what: string): bigint {
  assertSafe(value, what);
  return BigInt(value);
}

function toMinor(value: bigint, what: string): Minor {
  if (!fits(value)) throw new RangeError(`${what} is not a safe integer: ${value}`);
  return Number(value);
}

/** num/den rounded to the nearest integer, halves away from zero (den > 0). */
function roundDivBig(num: bigint, den: bigint): bigint {
  const abs = num < 0n ? -num : num;
  const q = abs / den;
  const rounded = (abs % den) * 2n >= den ? q + 1n : q;
  return num < 0n ? -rounded : rounded;
}

/** num/den rounded down, as Math.floor does (den > 0). */
function floorDivBig(num: bigint, den: bigint): bigint {
  const q = num / den;
  return num % den !== 0n && num < 0n ? q - 1n : q;
}

/** Tax on an amount at a rate in basis points (1250 = 12.5 %). */
export function taxOf(amount: Minor, rateBp: number): Minor {
  return toMinor(roundDivBig(big(amount, "amount") * big(rateBp, "rate"), 10_000n), "tax");
}

export type LineInput = { quantityMilli: number; unitPriceMinor: Minor; taxRateBp: number };
export type LineTotals = { lineTotalMinor: Minor; taxMinor: Minor };
export type InvoiceTotals = { subtotalMinor: Minor; taxMinor: Minor; discountMinor: Minor; totalMinor: Minor; lines: LineTotals[] };

/** What is refused: a line (by index) or the invoice as a whole (null) that comes to more than an amount can hold. */
export type TotalsCheck = { ok: true; totals: InvoiceTotals } | { ok: false; line: number | null; error: string };

const LINE_TOO_LARGE = "This line comes to more than one invoice can hold: lower the quantity or the price";
const INVOICE_TOO_LARGE = "This invoice comes to more than one invoice can hold: split it into several";

function lineTotalsBig(line: LineInput): { total: bigint; tax: bigint } {
  const total = roundDivBig(big(line.quantityMilli, "quantity") * big(line.unitPriceMinor, "price"), 1000n);
  return { total, tax: roundDivBig(total * big(line.taxRateBp, "rate"), 10_000n) };
}

export function lineTotals(line: LineInput): LineTotals {
  const { total, tax } = lineTotalsBig(line);
  return { lineTotalMinor: toMinor(total, "line total"), taxMinor: toMinor(tax, "tax") };
}

/**
 * Totals for an invoice, or the line that can't be represented. The
 * discount comes off the subtotal before tax and is spread over the lines in
 * proportion, so each line's tax rate applies to its discounted amount; the
 * total can never go below zero. Every product is exact (BigInt), and a line
 * or total past Number.MAX_SAFE_INTEGER minor units is refused, never rounded.
 */
export function checkInvoiceTotals(lines: LineInput[], discountMinor: Minor = 0): TotalsCheck {
  const computed = lines.map(lineTotalsBig);
  const badLine = computed.findIndex((l) => !fits(l.total) || !fits(l.tax));
  if (badLine >= 0) return { ok: false, line: badLine, error: LINE_TOO_LARGE };
  const subtotal = computed.reduce((sum, l) => sum + l.total, 0n);
  if (!fits(subtotal)) return { ok: false, line: null, error: INVOICE_TOO_LARGE };
  const requested = big(discountMinor, "discount");
  const discount = requested < 0n ? 0n : requested > subtotal ? subtotal : requested;
  let tax: bigint;
  if (discount === 0n || subtotal === 0n) {
    tax = computed.reduce((sum, l) => sum + l.tax, 0n);
  } else {
    const shares = allocateBig(
      discount,
      computed.map((l) => l.total),
    );
    tax = computed.reduce((sum, l, i) => sum + roundDivBig((l.total - shares[i]!) * BigInt(lines[i]!.taxRateBp), 10_000n), 0n);
  }
  const total = subtotal - discount + tax;
  if (!fits(tax) || !fits(total)) return { ok: false, line: null, error: INVOICE_TOO_LARGE };
  return {
    ok: true,
    totals: {
      subtotalMinor: Number(subtotal),
      taxMinor: Number(tax),
      discountMinor: Number(discount),
      totalMinor: Number(total),
      lines: computed.map((l) => ({ lineTotalMinor: Number(l.total), taxMinor: Number(l.tax) })),
    },
  };
}

/** Totals for an invoice (see checkInvoiceTotals); throws a RangeError when they can't be represented. */
export function invoiceTotals(lines: LineInput[], discountMinor: Minor = 0): InvoiceTotals {
  const checked = checkInvoiceTotals(lines, discountMinor);
  if (!checked.ok) throw new RangeError(checked.error);
  return checked.totals;
}

function allocateBig(amount: bigint, weights: bigint[]): bigint[] {
  const totalWeight = weights.reduce((sum, w) => sum + w, 0n);
  if (totalWeight === 0n) return weights.map(() => 0n);
  const raw = weights.map((w) => floorDivBig(amount * w, totalWeight));
  let left = amount - raw.reduce((sum, v) => sum + v, 0n);
  const order = weights.map((w, i) => ({ i, rem: (amount * w) % totalWeight })).sort((a, b) => (a.rem === b.rem ? a.i - b.i : a.rem > b.rem ? -1 : 1));
  for (const { i } of order) {
    if (left <= 0n) break;
    raw[i] = raw[i]! + 1n;
    left -= 1n;
  }
  return raw;
}

/** Splits an amount over weights without losing a cent (largest remainder). */
export function allocate(amount: Minor, weights: number[]): Minor[] {
  return allocateBig(
    big(amount, "amount"),
    weights.map((w) => big(w, "weight")),
  ).map((v) => toMinor(v, "share"));
}

/** The part of a total still to pay. */
export function balanceDue(totalMinor: Minor, amountPaidMinor: Minor): Minor {
  return Math.max(0, totalMinor - amountPaidMinor);
}

// Building an Intl.NumberFormat costs far more than using one (it showed in
// a profile of the invoice page, which formats a rate per line), so each is
// built once per locale.
const rateFormatters = new Map<string, Intl.NumberFormat>();
function rateFormatter(kind: "percent" | "input", locale: string): Intl.NumberFormat {
  const key = `${kind}|${locale}`;
  let fmt = rateFormatters.get(key);
  if (!fmt) {
    fmt =
      kind === "percent"
        ? new Intl.NumberFormat(locale, { style: "percent", numberingSystem: "latn", maximumFractionDigits: 2 })
        : new Intl.NumberFormat(locale, { numberingSystem: "latn", useGrouping: false, maximumFractionDigits: 2 });
    rateFormatters.set(key, fmt);
  }
  return fmt;
}

/** Basis points as a percent string for display ("12.5%" in en-US, "12,5 %" in de-DE). */
export function formatRate(bp: number, locale: string): string {
  return rateFormatter("percent", locale).format(bp / 10_000);
}

/** A rate as typed for the form's field: "12.5" in en-US, "12,5" in de-DE, never grouped. */
export function formatRateInput(bp: number, locale: string): string {
  return rateFormatter("input", locale).format(bp / 100);
}

/** Parses "12.5" or "12.5%" (in de-DE "12,5" or "12,5 %") into basis points: the locale's decimal separator only. */
export function parseRate(input: string, locale: string): { ok: true; bp: number } | { ok: false; error: string } {
  const decimal = escapeRegExp(numberSeparators(locale).decimal);
  const m = new RegExp(`^\\s*(\\d{1,3})(?:${decimal}(\\d{1,2}))?\\s*%?\\s*$`).exec(input);
  if (!m) return { ok: false, error: `Enter a rate like 8 or ${formatRateInput(1250, locale)}` };
  const bp = Number(m[1]) * 100 + Number((m[2] ?? "").padEnd(2, "0"));
  if (bp > 10_000) return { ok: false, error: "A rate can't be over 100%" };
  return { ok: true, bp };
}
