import { allocate, balanceDue, formatMoney, formatRate, invoiceTotals, lineTotals, parseMoney, parseRate, roundDiv, sumMinor, taxOf, toDecimalString } from "@/lib/money";

describe("formatting money", () => {
  it("formats minor units with the currency's own decimals", () => {
    expect(formatMoney(123456, "USD", "en-US")).toBe("$1,234.56");
    expect(formatMoney(-500, "USD", "en-US")).toBe("-$5.00");
    expect(formatMoney(1500, "JPY", "en-US")).toBe("¥1,500");
    expect(formatMoney(1234, "KWD", "en-US")).toMatch(/1\.234/);
    expect(formatMoney(99, "EUR", "de-DE")).toMatch(/^0,99\s€$/u);
  });

  it("writes plain decimals for inputs and CSV", () => {
    expect(toDecimalString(123450, "USD")).toBe("1234.50");
    expect(toDecimalString(-7, "USD")).toBe("-0.07");
    expect(toDecimalString(1500, "JPY")).toBe("1500");
  });

  it("refuses amounts that are not safe integers", () => {
    expect(() => formatMoney(1.5, "USD", "en-US")).toThrow(RangeError);
  });
});

describe("parsing what people type", () => {
  it.each([
    ["1,234.5", 123450],
    ["1,234.50", 123450],
    ["1234.5", 123450],
    ["1,234,567.89", 123456789],
    ["1,234", 123400],
    ["$20", 2000],
    ["$ 20", 2000],
    ["20 USD", 2000],
    ["usd 20", 2000],
    ["0.99", 99],
    [" 12 ", 1200],
    [".5", 50],
    ["-3.10", -310],
    ["-$3.10", -310],
    ["$-3.10", -310],
    ["\u22123.10", -310],
    ["-0", 0],
    ["007.50", 750],
  ])("%s → %d cents in en-US", (input, minor) => {
    expect(parseMoney(input, "USD", "en-US")).toEqual({ ok: true, minor });
  });

  it("never goes through floating point (0.29 stays 29 cents)", () => {
    expect(parseMoney("0.29", "USD", "en-US")).toEqual({ ok: true, minor: 29 });
    expect(parseMoney("1.15", "USD", "en-US")).toEqual({ ok: true, minor: 115 });
  });

  it("refuses separators that don't follow the locale, with the expected form, never a guess", () => {
    for (const input of ["1,50", "1,5", "12,50", "1,2345.00", "12,34,567.00", "1.234,50", "1,234.5.0", "1 234.50", "1,,234", ",5", "1,234,", "0,123", "1,234.50,"]) {
      expect(parseMoney(input, "USD", "en-US")).toEqual({ ok: false, error: "Enter the amount like 1,234.50" });
    }
  });

  it.each(["", "abc", "1.234", "1.2.3", ".", "-", "$", "--1", "-$-1", "$1$", "1e3", "0x10", "Infinity", "NaN", "1\u00002", "€20", "20 EUR", "١٢٣"])("refuses %p with a message", (input) => {
    const result = parseMoney(input, "USD", "en-US");
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.length).toBeGreaterThan(5);
  });

  it("says how many decimals the currency has", () => {
    expect(parseMoney("1.234", "USD", "en-US")).toEqual({ ok: false, error: "Use at most 2 decimal places" });
    expect(parseMoney("10.5", "JPY", "en-US")).toEqual({ ok: false, error: "This currency has no decimal places" });
    expect(parseMoney("10", "JPY", "en-US")).toEqual({ ok: true, minor: 10 });
    expect(parseMoney("1,500", "JPY", "en-US")).toEqual({ ok: true, minor: 1500 });
    expect(parseMoney("1.234", "KWD", "en-US")).toEqual({ ok: true, minor: 1234 });
    expect(parseMoney("1,234.567", "KWD", "en-US")).toEqual({ ok: true, minor: 1234567 });
  });

  it("refuses what is too long or too large rather than rounding it", () => {
    expect(parseMoney("9".repeat(17), "USD", "en-US")).toEqual({ ok: false, error: "That amount is too large" });
    expect(parseMoney("1".repeat(100), "USD", "en-US")).toMatchObject({ ok: false });
    expect(parseMoney("90,071,992,547,409.91", "USD", "en-US")).toEqual({ ok: true, minor: 9007199254740991 });
    expect(parseMoney("90,071,992,547,409.92", "USD", "en-US")).toEqual({ ok: false, error: "That amount is too large" });
  });

  it("reads the business locale's separators: de-DE groups with . and decimals with ,", () => {
    expect(parseMoney("12,50", "EUR", "de-DE")).toEqual({ ok: true, minor: 1250 });
    expect(parseMoney("1.234,50", "EUR", "de-DE")).toEqual({ ok: true, minor: 123450 });
    expect(parseMoney("1234,5", "EUR", "de-DE")).toEqual({ ok: true, minor: 123450 });
    expect(parseMoney("1.234,50 €", "EUR", "de-DE")).toEqual({ ok: true, minor: 123450 });
    expect(parseMoney("-12,50 EUR", "EUR", "de-DE")).toEqual({ ok: true, minor: -1250 });
    expect(parseMoney("1.234", "EUR", "de-DE")).toEqual({ ok: true, minor: 123400 });
    expect(parseMoney("1,50", "EUR", "en-US")).toEqual({ ok: false, error: "Enter the amount like 1,234.50" });
    expect(parseMoney("1.50", "EUR", "de-DE")).toEqual({ ok: false, error: "Enter the amount like 1.234,50" });
    expect(parseMoney("1,234.50", "EUR", "de-DE")).toMatchObject({ ok: false });
    expect(parseMoney("12,505", "EUR", "de-DE")).toEqual({ ok: false, error: "Use at most 2 decimal places" });
  });

  it("takes a typed space for a locale that groups with a no-break space, and an apostrophe in de-CH", () => {
    expect(parseMoney("1 234,50", "EUR", "fr-FR")).toEqual({ ok: true, minor: 123450 });
    expect(parseMoney("1\u202f234,50 €", "EUR", "fr-FR")).toEqual({ ok: true, minor: 123450 });
    expect(parseMoney("1 23,50", "EUR", "fr-FR")).toMatchObject({ ok: false });
    expect(parseMoney("1'234.50", "CHF", "de-CH")).toEqual({ ok: true, minor: 123450 });
    expect(parseMoney("1\u2019234.50", "CHF", "de-CH")).toEqual({ ok: true, minor: 123450 });
  });

  it("reads back what formatMoney and toDecimalString write", () => {
    for (const minor of [0, 5, 99, 123450, 100000000, -2500]) {
      expect(parseMoney(formatMoney(minor, "USD", "en-US"), "USD", "en-US")).toEqual({ ok: true, minor });
      expect(parseMoney(toDecimalString(minor, "USD"), "USD", "en-US")).toEqual({ ok: true, minor });
      expect(parseMoney(formatMoney(minor, "EUR", "de-DE"), "EUR", "de-DE")).toEqual({ ok: true, minor });
      expect(parseMoney(formatMoney(minor, "EUR", "fr-FR"), "EUR", "fr-FR")).toEqual({ ok: true, minor });
    }
  });
});

describe("rounding and sums", () => {
  it("rounds halves away from zero", () => {
    expect(roundDiv(5, 10)).toBe(1);
    expect(roundDiv(4, 10)).toBe(0);
    expect(roundDiv(-5, 10)).toBe(-1);
    expect(roundDiv(15, 10)).toBe(2);
  });

  it("computes tax in basis points", () => {
    expect(taxOf(10000, 825)).toBe(825);
    expect(taxOf(999, 825)).toBe(82);
    expect(taxOf(1000, 0)).toBe(0);
  });

  it("sums exactly", () => {
    expect(sumMinor([10, 20, 30])).toBe(60);
    expect(() => sumMinor([Number.MAX_SAFE_INTEGER, 1])).toThrow(RangeError);
  });

  it("allocates without losing a cent", () => {
    const shares = allocate(100, [1, 1, 1]);
    expect(shares).toEqual([34, 33, 33]);
    expect(sumMinor(allocate(1001, [3, 7, 11]))).toBe(1001);
    expect(allocate(50, [0, 0])).toEqual([0, 0]);
  });

  it("never shows a negative balance", () => {
    expect(balanceDue(1000, 400)).toBe(600);
    expect(balanceDue(1000, 1000)).toBe(0);
  });
});

describe("invoice totals", () => {
  it("multiplies fractional quantities (thousandths) and rounds per line", () => {
    expect(lineTotals({ quantityMilli: 1500, unitPriceMinor: 3333, taxRateBp: 0 })).toEqual({ lineTotalMinor: 5000, taxMinor: 0 });
    expect(lineTotals({ quantityMilli: 2000, unitPriceMinor: 1000, taxRateBp: 825 })).toEqual({ lineTotalMinor: 2000, taxMinor: 165 });
  });

  it("adds lines, tax and a discount taken before tax", () => {
    const totals = invoiceTotals(
      [
        { quantityMilli: 1000, unitPriceMinor: 10000, taxRateBp: 1000 },
        { quantityMilli: 1000, unitPriceMinor: 10000, taxRateBp: 0 },
      ],
      2000,
    );
    // Discount 20.00 split 10/10: taxed line 90.00 → 9.00 tax.
    expect(totals).toMatchObject({ subtotalMinor: 20000, discountMinor: 2000, taxMinor: 900, totalMinor: 18900 });
  });

  it("caps a discount at the subtotal so a total is never negative", () => {
    expect(invoiceTotals([{ quantityMilli: 1000, unitPriceMinor: 500, taxRateBp: 825 }], 9999)).toMatchObject({ discountMinor: 500, taxMinor: 0, totalMinor: 0 });
  });
});

describe("rates", () => {
  it("parses and formats percentages as basis points", () => {
    expect(parseRate("8.25", "en-US")).toEqual({ ok: true, bp: 825 });
    expect(parseRate("12.5%", "en-US")).toEqual({ ok: true, bp: 1250 });
    expect(parseRate("101", "en-US")).toMatchObject({ ok: false });
    expect(parseRate("abc", "en-US")).toMatchObject({ ok: false });
    expect(formatRate(825, "en-US")).toBe("8.25%");
  });
});
