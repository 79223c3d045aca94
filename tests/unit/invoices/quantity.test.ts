import { formatQuantity, parseQuantity } from "@/lib/invoices/quantity";
import { statusForAmounts } from "@/lib/invoices/amounts";

describe("quantities", () => {
  it("parse into thousandths without floating point", () => {
    expect(parseQuantity("1")).toEqual({ ok: true, milli: 1000 });
    expect(parseQuantity("2.5")).toEqual({ ok: true, milli: 2500 });
    expect(parseQuantity(" 0.125 ")).toEqual({ ok: true, milli: 125 });
    expect(parseQuantity("1,250")).toEqual({ ok: true, milli: 1_250_000 });
    expect(parseQuantity(".5")).toEqual({ ok: true, milli: 500 });
  });

  it("refuse zero, negatives, too many decimals and junk with a message", () => {
    expect(parseQuantity("0")).toMatchObject({ ok: false, error: "The quantity must be more than 0" });
    expect(parseQuantity("-1")).toMatchObject({ ok: false });
    expect(parseQuantity("1.2345")).toMatchObject({ ok: false, error: "Use at most 3 decimal places" });
    expect(parseQuantity("two")).toMatchObject({ ok: false });
    expect(parseQuantity("")).toMatchObject({ ok: false });
  });

  it("refuse a separator that doesn't group in threes rather than dropping it", () => {
    expect(parseQuantity("1,5")).toMatchObject({ ok: false, error: "Enter a quantity, like 1 or 2.5" });
    expect(parseQuantity("1,50")).toMatchObject({ ok: false });
    expect(parseQuantity("1,5", "de-DE")).toEqual({ ok: true, milli: 1500 });
    expect(parseQuantity("1.250", "de-DE")).toEqual({ ok: true, milli: 1_250_000 });
  });

  it("format back the way people write them", () => {
    expect([1000, 1500, 42_500, 125, 2250].map(formatQuantity)).toEqual(["1", "1.5", "42.5", "0.125", "2.25"]);
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
