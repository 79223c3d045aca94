import { composePhone, normalizePhone, splitPhone } from "@/lib/phone";

describe("phone numbers", () => {
  it.each([
    ["+1 (415) 555-0123", "+14155550123"],
    ["0044 7700 900123", "+447700900123"],
    ["+49 30.1234.5678", "+493012345678"],
  ])("normalizes %s to %s", (input, e164) => {
    expect(normalizePhone(input)).toEqual({ ok: true, e164 });
  });

  it.each(["555-0123", "+0 123 4567", "+1 415 555 0123 4567 89", "+1abc"])("refuses %s", (input) => {
    expect(normalizePhone(input).ok).toBe(false);
  });

  it("composes the picker's country and a national number, dropping a trunk 0", () => {
    expect(composePhone("GB", "07700 900123")).toBe("+447700900123");
    expect(composePhone("US", "(415) 555-0123")).toBe("+14155550123");
    expect(composePhone("US", "+33 1 23 45 67 89")).toBe("+33123456789");
    expect(composePhone("US", "  ")).toBe("");
  });

  it("splits a stored number back for editing", () => {
    expect(splitPhone("+447700900123")).toEqual({ country: "GB", national: "7700900123" });
    expect(splitPhone("+353861234567")).toEqual({ country: "IE", national: "861234567" });
    expect(splitPhone(null)).toEqual({ country: "US", national: "" });
  });
});
