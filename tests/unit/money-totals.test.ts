import { allocate, checkInvoiceTotals, invoiceTotals, lineTotals, taxOf, type LineInput } from "@/lib/money";
import { readDraftAmounts } from "@/lib/validation/invoices";

const MAX = Number.MAX_SAFE_INTEGER; // 9,007,199,254,740,991 minor units

describe("products past 2^53", () => {
  it("multiplies a quantity by a price exactly when the product passes 2^53 but the line total doesn't", () => {
    // 999,999.999 × 90,071,992.54: the product (9.007e18 thousandths of a cent) has no exact double.
    expect(lineTotals({ quantityMilli: 999_999_999, unitPriceMinor: 9_007_199_254, taxRateBp: 0 })).toEqual({ lineTotalMinor: 9_007_199_244_992_801, taxMinor: 0 });
  });

  it("works out tax on a large amount exactly", () => {
    expect(taxOf(9_000_000_000_000_000, 10_000)).toBe(9_000_000_000_000_000);
    // 9,007,199,254,740,991 × 8.25 % = 743,093,938,516,131.7575…
    expect(taxOf(MAX, 825)).toBe(743_093_938_516_132);
    expect(lineTotals({ quantityMilli: 1_000, unitPriceMinor: MAX, taxRateBp: 825 })).toEqual({ lineTotalMinor: MAX, taxMinor: 743_093_938_516_132 });
  });

  it("spreads a discount over large lines without losing a unit", () => {
    const shares = allocate(9_000_000_000_000_001, [3, 7]);
    expect(shares).toEqual([2_700_000_000_000_000, 6_300_000_000_000_001]);
    const totals = invoiceTotals(
      [
        { quantityMilli: 1_000, unitPriceMinor: 4_000_000_000_000_000, taxRateBp: 1_000 },
        { quantityMilli: 1_000, unitPriceMinor: 4_000_000_000_000_000, taxRateBp: 0 },
      ],
      1_000_000_000_000_000,
    );
    expect(totals).toMatchObject({ subtotalMinor: 8_000_000_000_000_000, discountMinor: 1_000_000_000_000_000, taxMinor: 350_000_000_000_000, totalMinor: 7_350_000_000_000_000 });
  });

  it("refuses a line whose total can't be held, by its index, and never rounds it", () => {
    expect(
      checkInvoiceTotals([
        { quantityMilli: 1_000, unitPriceMinor: 100, taxRateBp: 0 },
        { quantityMilli: 1_001, unitPriceMinor: MAX, taxRateBp: 0 },
      ]),
    ).toEqual({
      ok: false,
      line: 1,
      error: "This line comes to more than one invoice can hold: lower the quantity or the price",
    });
    expect(() => lineTotals({ quantityMilli: 2_000, unitPriceMinor: MAX, taxRateBp: 0 })).toThrow(RangeError);
  });

  it("refuses an invoice whose lines each fit but whose total doesn't, as a whole", () => {
    const half = { quantityMilli: 1_000, unitPriceMinor: 5_000_000_000_000_000, taxRateBp: 0 };
    expect(checkInvoiceTotals([half, half])).toEqual({ ok: false, line: null, error: "This invoice comes to more than one invoice can hold: split it into several" });
    expect(checkInvoiceTotals([{ ...half, taxRateBp: 10_000 }])).toMatchObject({ ok: false, line: null });
    expect(() => invoiceTotals([half, half])).toThrow(RangeError);
  });

  it("says so on the form's fields: the line's price, or the lines as a whole", () => {
    const form = (prices: string[]) => ({ currency: "USD", discount: "", lines: prices.map((unitPrice) => ({ quantity: "1000000", unitPrice, taxRate: "" })) });
    expect(readDraftAmounts(form(["1.00", "90071992.55"]), "en-US").issues).toEqual([{ path: ["lines", 1, "unitPrice"], message: expect.stringContaining("lower the quantity or the price") }]);
    expect(readDraftAmounts(form(["50000000.00", "50000000.00"]), "en-US").issues).toEqual([{ path: ["lines"], message: expect.stringContaining("split it into several") }]);
    expect(readDraftAmounts(form(["90071992.54"]), "en-US").issues).toEqual([]);
  });
});

describe("ordinary amounts", () => {
  // The float arithmetic the totals used before, for amounts whose products stay below 2^53.
  const roundDiv = (num: number, den: number) => {
    const q = Math.floor(Math.abs(num) / den);
    const r = Math.abs(num) - q * den;
    return Math.sign(num || 1) * (r * 2 >= den ? q + 1 : q);
  };
  function floatTotals(lines: LineInput[], discountMinor: number) {
    const computed = lines.map((l) => {
      const lineTotalMinor = roundDiv(l.quantityMilli * l.unitPriceMinor, 1000);
      return { lineTotalMinor, taxMinor: roundDiv(lineTotalMinor * l.taxRateBp, 10_000) };
    });
    const subtotal = computed.reduce((s, l) => s + l.lineTotalMinor, 0);
    const discount = Math.max(0, Math.min(discountMinor, subtotal));
    let tax = computed.reduce((s, l) => s + l.taxMinor, 0);
    if (discount > 0 && subtotal > 0) {
      const weights = computed.map((l) => l.lineTotalMinor);
      const raw = weights.map((w) => Math.floor((discount * w) / subtotal));
      let left = discount - raw.reduce((s, v) => s + v, 0);
      const order = weights.map((w, i) => ({ i, rem: (discount * w) % subtotal })).sort((a, b) => b.rem - a.rem || a.i - b.i);
      for (const { i } of order) {
        if (left <= 0) break;
        raw[i]! += 1;
        left -= 1;
      }
      tax = computed.reduce((s, l, i) => s + roundDiv((l.lineTotalMinor - raw[i]!) * lines[i]!.taxRateBp, 10_000), 0);
    }
    return { subtotalMinor: subtotal, taxMinor: tax, discountMinor: discount, totalMinor: subtotal - discount + tax, lines: computed };
  }

  it("come out exactly as they did before, for 2,000 random invoices", () => {
    let seed = 42;
    const rand = (n: number) => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed % n;
    };
    for (let i = 0; i < 2_000; i += 1) {
      const lines = Array.from({ length: 1 + rand(6) }, () => ({ quantityMilli: 1 + rand(100_000), unitPriceMinor: rand(10_000_000), taxRateBp: [0, 500, 825, 1_000, 2_000, 2_500][rand(6)]! }));
      const discount = rand(3) === 0 ? rand(5_000_000) : 0;
      expect(invoiceTotals(lines, discount)).toEqual(floatTotals(lines, discount));
    }
  });
});
