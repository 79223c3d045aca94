// Money is integer minor units (cents) everywhere. This module is the only
// place that parses, formats, sums and rounds it.

export type Minor = number;

// ISO 4217 currencies whose minor unit is not 2 digits.
const MINOR_DIGITS: Record<string, number> = { JPY: 0, KRW: 0, VND: 0, CLP: 0, ISK: 0, BHD: 3, KWD: 3, OMR: 3, JOD: 3, TND: 3 };

export function minorDigits(currency: string): number {
  return MINOR_DIGITS[currency.toUpperCase()] ?? 2;
}

function assertSafe(value: number, what: string): void {
  if (!Number.isSafeInteger(value)) throw new RangeError(`${what} is not a safe integer: ${value}`);
}

const formatters = new Map<string, Intl.NumberFormat>();

export function formatMoney(minor: Minor, currency: string, locale = "en-US"): string {
  assertSafe(minor, "amount");
  const key = `${locale}|${currency}`;
  let fmt = formatters.get(key);
  if (!fmt) {
    const digits = minorDigits(currency);
    fmt = new Intl.NumberFormat(locale, { style: "currency", currency, minimumFractionDigits: digits, maximumFractionDigits: digits });
    formatters.set(key, fmt);
  }
  return fmt.format(minor / 10 ** minorDigits(currency));
}

const compactFormatters = new Map<string, Intl.NumberFormat>();

/** Short amounts for chart axes ("$1.2M", "$950"); never for totals a person reads as exact. */
export function formatMoneyCompact(minor: Minor, currency: string, locale = "en-US"): string {
  assertSafe(minor, "amount");
  const key = `${locale}|${currency}`;
  let fmt = compactFormatters.get(key);
  if (!fmt) {
    fmt = new Intl.NumberFormat(locale, { style: "currency", currency, notation: "compact", minimumFractionDigits: 0, maximumFractionDigits: 1 });
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

export type ParseResult = { ok: true; minor: Minor } | { ok: false; error: string };

/**
 * Parses what a person types ("1,234.5", "$20", "0.99") into minor units
 * without floating point. Refuses more decimals than the currency has.
 */
export function parseMoney(input: string, currency: string): ParseResult {
  const digits = minorDigits(currency);
  const cleaned = input.trim().replace(/[\s,]/g, "").replace(/^[^\d.-]+/, "");
  const match = /^(-)?(\d*)(?:\.(\d*))?$/.exec(cleaned);
  if (!cleaned || !match || (match[2] === "" && !match[3])) return { ok: false, error: "Enter an amount, like 120.00" };
  const [, neg, whole = "", frac = ""] = match;
  if (frac.length > digits) {
    return { ok: false, error: digits === 0 ? "This currency has no decimal places" : `Use at most ${digits} decimal places` };
  }
  const minor = Number(whole || "0") * 10 ** digits + Number(frac.padEnd(digits, "0") || "0");
  if (!Number.isSafeInteger(minor)) return { ok: false, error: "That amount is too large" };
  return { ok: true, minor: neg ? -minor : minor };
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

/** Tax on an amount at a rate in basis points (1250 = 12.5 %). */
export function taxOf(amount: Minor, rateBp: number): Minor {
  return roundDiv(amount * rateBp, 10_000);
}

export type LineInput = { quantityMilli: number; unitPriceMinor: Minor; taxRateBp: number };
export type LineTotals = { lineTotalMinor: Minor; taxMinor: Minor };
export type InvoiceTotals = { subtotalMinor: Minor; taxMinor: Minor; discountMinor: Minor; totalMinor: Minor; lines: LineTotals[] };

export function lineTotals(line: LineInput): LineTotals {
  const lineTotalMinor = roundDiv(line.quantityMilli * line.unitPriceMinor, 1000);
  return { lineTotalMinor, taxMinor: taxOf(lineTotalMinor, line.taxRateBp) };
}

/**
 * Totals for an invoice. The discount comes off the subtotal before tax and
 * is spread over the lines in proportion, so each line's tax rate applies to
 * its discounted amount; the total can never go below zero.
 */
export function invoiceTotals(lines: LineInput[], discountMinor: Minor = 0): InvoiceTotals {
  const computed = lines.map(lineTotals);
  const subtotalMinor = sumMinor(computed.map((l) => l.lineTotalMinor));
  const discount = Math.max(0, Math.min(discountMinor, subtotalMinor));
  let taxMinor: Minor;
  if (discount === 0 || subtotalMinor === 0) {
    taxMinor = sumMinor(computed.map((l) => l.taxMinor));
  } else {
    const shares = allocate(discount, computed.map((l) => l.lineTotalMinor));
    taxMinor = sumMinor(computed.map((l, i) => taxOf(l.lineTotalMinor - (shares[i] ?? 0), lines[i]!.taxRateBp)));
  }
  return { subtotalMinor, taxMinor, discountMinor: discount, totalMinor: subtotalMinor - discount + taxMinor, lines: computed };
}

/** Splits an amount over weights without losing a cent (largest remainder). */
export function allocate(amount: Minor, weights: number[]): Minor[] {
  const totalWeight = sumMinor(weights);
  if (totalWeight === 0) return weights.map(() => 0);
  const raw = weights.map((w) => Math.floor((amount * w) / totalWeight));
  let left = amount - sumMinor(raw);
  const order = weights
    .map((w, i) => ({ i, rem: (amount * w) % totalWeight }))
    .sort((a, b) => b.rem - a.rem || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    raw[i] = (raw[i] ?? 0) + 1;
    left -= 1;
  }
  return raw;
}

/** The part of a total still to pay. */
export function balanceDue(totalMinor: Minor, amountPaidMinor: Minor): Minor {
  return Math.max(0, totalMinor - amountPaidMinor);
}

/** Basis points as a percent string for display ("12.5%"). */
export function formatRate(bp: number): string {
  return `${(bp / 100).toLocaleString("en-US", { maximumFractionDigits: 2 })}%`;
}

/** Parses "12.5" or "12.5%" into basis points. */
export function parseRate(input: string): { ok: true; bp: number } | { ok: false; error: string } {
  const m = /^\s*(\d{1,3})(?:\.(\d{1,2}))?\s*%?\s*$/.exec(input);
  if (!m) return { ok: false, error: "Enter a rate like 8 or 12.5" };
  const bp = Number(m[1]) * 100 + Number((m[2] ?? "").padEnd(2, "0"));
  if (bp > 10_000) return { ok: false, error: "A rate can't be over 100%" };
  return { ok: true, bp };
}
