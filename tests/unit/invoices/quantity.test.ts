import { formatQuantity, parseQuantity } from "@/lib/invoices/quantity";
import { statusForAmounts } from "@/lib/invoices/amounts";

describe("quantities", () => {
  it("parse into thousandths without floating point", () => {
    expect(parseQuantity("1", "en-US")).toEqual({ ok: true, milli: 1000 });
    expect(parseQuantity("2.5", "en-US")).toEqual({ ok: true, milli: 2500 });
    expect(parseQuantity(" 0.125 ", "en-US")).toEqual({ ok: true, milli: 125 });
    expect(parseQuantity("1,250", "en-US")).toEqual({ ok: true, milli: 1_250_000 });
    expect(parseQuantity(".5", "en-US")).toEqual({ ok: true, milli: 500 });
  });

  it("refuse zero, negatives, too many decimals and junk with a message", () => {
    expect(parseQuantity("0", "en-US")).toMatchObject({ ok: false, error: "The quantity must be more than 0" });
    expect(parseQuantity("-1", "en-US")).toMatchObject({ ok: false });
    expect(parseQuantity("1.2345", "en-US")).toMatchObject({ ok: false, error: "Use at most 3 decimal places" });
    expect(parseQuantity("two", "en-US")).toMatchObject({ ok: false });
    expect(parseQuantity("", "en-US")).toMatchObject({ ok: false });
  });

  it("refuse a separator that doesn't group in threes rather than dropping it", () => {
    expect(parseQuantity("1,5", "en-US")).toMatchObject({ ok: false, error: "Enter a quantity, like 1 or 2.5" });
    expect(parseQuantity("1,50", "en-US")).toMatchObject({ ok: false });
    expect(parseQuantity("1,5", "de-DE")).toEqual({ ok: true, milli: 1500 });
    expect(parseQuantity("1.250", "de-DE")).toEqual({ ok: true, milli: 1_250_000 });
  });

  it("format back the way people write them", () => {
    expect([1000, 1500, 42_500, 125, 2250].map((m) => formatQuantity(m, "en-US"))).toEqual(["1", "1.5", "42.5", "0.125", "2.25"]);
    expect([1500, 1_234_500].map((m) => formatQuantity(m, "de-DE"))).toEqual(["1,5", "1.234,5"]);
    for (const m of [1, 1500, 1_234_567, 999_999_999]) expect(parseQuantity(formatQuantity(m, "fr-FR"), "fr-FR")).toEqual({ ok: true, milli: m });
  });
});

describe("status from amounts", () => {
  it("is paid only when a positive total is fully paid, partially paid in between", () => {
    expect(statusForAmounts(100, 0)).toBe("sent");
    expect(statusForAmounts(100, 1)).toBe("partially_paid");
    expect(statusForAmounts(100, 100)).toBe("paid");
    expect(statusForAmounts(0, 0)).toBe("sent");
  });
});
