import { formatAmountInput, formatMoney, parseMoney, parseRate } from "@/lib/money";
import { parseQuantity } from "@/lib/invoices/quantity";

// What people type in each business locale, and what lib/money makes of it:
// minor units, or the refusal with the form it expects. The same string means
// different amounts (or nothing) in different locales, so each row names its locale.

const NNBSP = "\u202f"; // fr-FR groups with a narrow no-break space
const NBSP = "\u00a0";

type Row = [typed: string, expected: number | string];

const tables: Record<string, { currency: string; rows: Row[] }> = {
  "en-US": {
    currency: "USD",
    rows: [
      ["12.50", 1250],
      ["1,234.50", 123450],
      ["1234.5", 123450],
      ["$1,234.50", 123450],
      ["-12.50", -1250],
      ["1,234,567", 123456700],
      ["12,50", "Enter the amount like 1,234.50"],
      ["1.234,50", "Enter the amount like 1,234.50"],
      ["1,23,456.50", "Enter the amount like 1,234.50"],
      ["1.234", "Use at most 2 decimal places"],
      ["twelve", "Enter an amount, like 120.00"],
    ],
  },
  "de-DE": {
    currency: "EUR",
    rows: [
      ["12,50", 1250],
      ["1.234,50", 123450],
      ["1234,5", 123450],
      ["1.234,50 €", 123450],
      [`1.234,50${NBSP}€`, 123450],
      ["-12,50 EUR", -1250],
      ["1.234", 123400],
      ["1,234.50", "Enter the amount like 1.234,50"],
      ["12.50", "Enter the amount like 1.234,50"],
      ["1 234,50", "Enter the amount like 1.234,50"],
      ["12,505", "Use at most 2 decimal places"],
    ],
  },
  "fr-FR": {
    currency: "EUR",
    rows: [
      ["12,50", 1250],
      ["1 234,50", 123450],
      [`1${NNBSP}234,50`, 123450],
      [`1${NBSP}234,50 €`, 123450],
      ["1234,50", 123450],
      ["1.234,50", `Enter the amount like 1${NNBSP}234,50`],
      ["1,234.50", `Enter the amount like 1${NNBSP}234,50`],
      ["1 23,50", `Enter the amount like 1${NNBSP}234,50`],
    ],
  },
  "en-IN": {
    currency: "INR",
    rows: [
      ["1,23,456.50", 12345650],
      ["123456.50", 12345650],
      ["₹1,23,456.50", 12345650],
      ["1,234.50", 123450],
      ["12,34,56,789", 123456789_00],
      ["999.99", 99999],
      ["123,456.50", "Enter the amount like 1,23,456.50"],
      ["1,2,345", "Enter the amount like 1,23,456.50"],
      ["12,50", "Enter the amount like 1,23,456.50"],
      ["1.234,50", "Enter the amount like 1,23,456.50"],
    ],
  },
  "ja-JP": {
    currency: "JPY",
    rows: [
      ["1,234", 1234],
      ["1234", 1234],
      ["￥1,234", 1234],
      ["JPY 1,234", 1234],
      ["12.5", "This currency has no decimal places"],
      ["1.234", "This currency has no decimal places"],
      ["12,50", "Enter the amount like 1,234"],
    ],
  },
};

describe.each(Object.entries(tables))("amounts typed in %s", (locale, { currency, rows }) => {
  it.each(rows)(`"%s" in ${currency}`, (typed, expected) => {
    const result = parseMoney(typed, currency, locale);
    if (typeof expected === "number") expect(result).toEqual({ ok: true, minor: expected });
    else expect(result).toEqual({ ok: false, error: expected });
  });

  it("reads back what it writes, in the field and on the page", () => {
    for (const minor of [0, 7, 1250, 123450, 12345650, 900719925474099]) {
      expect(parseMoney(formatAmountInput(minor, currency, locale), currency, locale)).toEqual({ ok: true, minor });
      expect(parseMoney(formatMoney(minor, currency, locale), currency, locale)).toEqual({ ok: true, minor });
    }
  });

  it("refuses an amount past 2^53 minor units instead of rounding it", () => {
    expect(parseMoney("9".repeat(16), currency, locale)).toEqual({ ok: false, error: "That amount is too large" });
  });
});

describe("amounts as the fields and documents write them", () => {
  it.each([
    ["en-US", "USD", 123450, "1,234.50", "$1,234.50"],
    ["de-DE", "EUR", 123450, "1.234,50", `1.234,50${NBSP}€`],
    ["de-DE", "EUR", 1250, "12,50", `12,50${NBSP}€`],
    ["fr-FR", "EUR", 123450, `1${NNBSP}234,50`, `1${NNBSP}234,50${NBSP}€`],
    ["en-IN", "INR", 12345650, "1,23,456.50", "₹1,23,456.50"],
    ["ja-JP", "JPY", 1234, "1,234", "￥1,234"],
  ])("%s %s %d: field %s, page %s", (locale, currency, minor, field, page) => {
    expect(formatAmountInput(minor, currency, locale)).toBe(field);
    expect(formatMoney(minor, currency, locale)).toBe(page);
  });

  it("writes amounts past 2^53 / 100 exactly in the field (no float division)", () => {
    expect(formatAmountInput(9007199254740991, "USD", "en-US")).toBe("90,071,992,547,409.91");
    expect(formatAmountInput(9007199254740991, "EUR", "de-DE")).toBe("90.071.992.547.409,91");
  });
});

describe("quantities and rates follow the same separators", () => {
  it.each([
    ["en-US", "2.5", 2500, "1,5"],
    ["de-DE", "2,5", 2500, "2.5"],
    ["fr-FR", "1 000,5", 1_000_500, "1.000,5"],
    ["en-IN", "1,00,000", 100_000_000, "100,000"],
    ["ja-JP", "1,234.5", 1_234_500, "1,5"],
  ])("%s: %s is %d thousandths, %s is refused", (locale, typed, milli, refused) => {
    expect(parseQuantity(typed, locale)).toEqual({ ok: true, milli });
    expect(parseQuantity(refused, locale)).toMatchObject({ ok: false });
  });

  it("reads tax rates with the locale's decimal separator only", () => {
    expect(parseRate("12.5", "en-US")).toEqual({ ok: true, bp: 1250 });
    expect(parseRate("12,5 %", "de-DE")).toEqual({ ok: true, bp: 1250 });
    expect(parseRate("12.5", "de-DE")).toEqual({ ok: false, error: "Enter a rate like 8 or 12,5" });
    expect(parseRate("12,5", "en-US")).toEqual({ ok: false, error: "Enter a rate like 8 or 12.5" });
  });
});
