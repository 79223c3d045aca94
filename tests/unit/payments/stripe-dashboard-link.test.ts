import { dashboardLink } from "@/lib/payments/stripe/dashboard-link";

describe("a payment's link to the Stripe dashboard", () => {
  it("links live keys to the live view and test keys to the test view", () => {
    expect(dashboardLink("pi_3Abc", { secretKey: "sk_live_51xyz" })).toBe("https://dashboard.stripe.com/payments/pi_3Abc");
    expect(dashboardLink("pi_3Abc", { secretKey: "sk_test_51xyz" })).toBe("https://dashboard.stripe.com/test/payments/pi_3Abc");
  });

  it.each([
    ["no key", "pi_3Abc", { secretKey: "" }],
    ["a stub or stripe-mock as the API base", "pi_3Abc", { secretKey: "sk_test_51xyz", apiBase: "http://127.0.0.1:12111" }],
    ["a restricted or unknown key", "pi_3Abc", { secretKey: "rk_live_51xyz" }],
    ["a checkout session still waiting for its webhook", "cs_test_a1", { secretKey: "sk_live_51xyz" }],
    ["no reference", null, { secretKey: "sk_live_51xyz" }],
    ["a reference that is not a plain id", "pi_3Abc/../../settings", { secretKey: "sk_live_51xyz" }],
  ])("gives no link for %s", (_why, ref, config) => {
    expect(dashboardLink(ref, config)).toBeNull();
  });
});
