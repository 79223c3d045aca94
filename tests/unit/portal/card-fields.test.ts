import { cardDigits, luhnValid, parseExpiry } from "@/lib/validation/card";
import { parsePortalInvoiceParams, payInvoiceSchema } from "@/lib/validation/portal";

describe("card fields, checked in the browser and again on the server", () => {
  it("accepts the test cards and refuses a typo (Luhn)", () => {
    expect(luhnValid(cardDigits("4242 4242 4242 4242"))).toBe(true);
    expect(luhnValid(cardDigits("4000-0000-0000-0002"))).toBe(true);
    expect(luhnValid(cardDigits("4242 4242 4242 4241"))).toBe(false);
    expect(luhnValid("12")).toBe(false);
  });

  it("reads expiry dates as people type them", () => {
    expect(parseExpiry("12/34")).toEqual({ month: 12, year: 2034 });
    expect(parseExpiry(" 1 / 2031 ")).toEqual({ month: 1, year: 2031 });
    expect(parseExpiry("13/30")).toBeNull();
    expect(parseExpiry("1230")).toBeNull();
  });

  it("asks for card details only when paying by card", () => {
    const base = { invoiceId: "7", amount: "10.00", idempotencyKey: "0123456789abcdef0123456789abcdef" };
    expect(payInvoiceSchema.safeParse({ ...base, method: "bank_transfer" }).success).toBe(true);
    const card = payInvoiceSchema.safeParse({ ...base, method: "card" });
    expect(card.success).toBe(false);
    expect(card.error?.issues.map((i) => i.path[0]).sort()).toEqual(["cardCvc", "cardExpiry", "cardNumber"]);
    expect(payInvoiceSchema.safeParse({ ...base, method: "card", cardNumber: "4242424242424242", cardExpiry: "12/34", cardCvc: "123" }).success).toBe(true);
    expect(payInvoiceSchema.safeParse({ ...base, method: "other" }).success).toBe(false);
    expect(payInvoiceSchema.safeParse({ ...base, method: "cash", idempotencyKey: "short" }).success).toBe(false);
  });

  it("keeps the invoice list's view in the URL and falls back on anything odd", () => {
    expect(parsePortalInvoiceParams({ status: "overdue", q: " INV-2026 ", page: "3" })).toEqual({ filter: "overdue", q: "INV-2026", page: 3 });
    expect(parsePortalInvoiceParams({ status: "draft", page: "-1" })).toEqual({ filter: "all", q: "", page: 1 });
    expect(parsePortalInvoiceParams({ status: ["paid", "void"] })).toMatchObject({ filter: "paid" });
  });
});
