import { allocate, balanceDue, formatMoney, formatRate, invoiceTotals, lineTotals, parseMoney, parseRate, roundDiv, sumMinor, taxOf, toDecimalString } from "@/lib/money";

describe("formatting money", () => {
  it("formats minor units with the currency's own decimals", () => {
    expect(formatMoney(123456, "USD")).toBe("$1,234.56");
    expect(formatMoney(-500, "USD")).toBe("-$5.00");
    expect(formatMoney(1500, "JPY")).toBe("¥1,500");
    expect(formatMoney(1234, "KWD")).toMatch(/1\.234/);
    expect(formatMoney(99, "EUR", "de-DE")).toMatch(/^0,99\s€$/u);
  });

  it("writes plain decimals for inputs and CSV", () => {
    expect(toDecimalString(123450, "USD")).toBe("1234.50");
    expect(toDecimalString(-7, "USD")).toBe("-0.07");
    expect(toDecimalString(1500, "JPY")).toBe("1500");
  });

  it("refuses amounts that are not safe integers", () => {
    expect(() => formatMoney(1.5, "USD")).toThrow(RangeError);
  });
});

describe("parsing what people type", () => {
  it.each([
    ["1,234.5", 123450],
    ["$20", 2000],
    ["0.99", 99],
    [" 12 ", 1200],
    [".5", 50],
    ["-3.10", -310],
  ])("%s → %d cents", (input, minor) => {
    expect(parseMoney(input, "USD")).toEqual({ ok: true, minor });
  });

  it("never goes through floating point (0.29 stays 29 cents)", () => {
    expect(parseMoney("0.29", "USD")).toEqual({ ok: true, minor: 29 });
    expect(parseMoney("1.15", "USD")).toEqual({ ok: true, minor: 115 });
  });

  it.each(["", "abc", "1.234", "1.2.3", "."])("refuses %p with a message", (input) => {
    const result = parseMoney(input, "USD");
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.length).toBeGreaterThan(5);
  });

  it("refuses decimals for zero-decimal currencies", () => {
    expect(parseMoney("10.5", "JPY")).toMatchObject({ ok: false });
    expect(parseMoney("10", "JPY")).toEqual({ ok: true, minor: 10 });
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
    expect(parseRate("8.25")).toEqual({ ok: true, bp: 825 });
    expect(parseRate("12.5%")).toEqual({ ok: true, bp: 1250 });
    expect(parseRate("101")).toMatchObject({ ok: false });
    expect(parseRate("abc")).toMatchObject({ ok: false });
    expect(formatRate(825)).toBe("8.25%");
  });
});
