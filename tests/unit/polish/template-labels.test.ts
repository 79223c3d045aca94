import { templateLabel } from "@/lib/notify/template-labels";

describe("template labels", () => {
  it("names templates as people do", () => {
    expect(templateLabel("invoice")).toBe("Invoice");
    expect(templateLabel("payment_reminder")).toBe("Payment reminder");
    expect(templateLabel("otp_code")).toBe("Sign-in code");
  });

  it("spells out a template it doesn't know", () => {
    expect(templateLabel("stripe_receipt")).toBe("Stripe receipt");
  });
});
