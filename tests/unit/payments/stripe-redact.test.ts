import { redactLinkTokens } from "@/lib/payments/stripe/redact";

const token = "AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-abcde"; // 43 characters, as newToken() makes

describe("redactLinkTokens", () => {
  it("takes every invoice-link token out of a stored event, slashes escaped or not", () => {
    expect(token).toHaveLength(43);
    const raw = JSON.stringify({ data: { object: { success_url: `https://app.example/i/${token}?checkout=returned`, cancel_url: `https://app.example/i/${token}?checkout=cancelled` } } });
    const kept = redactLinkTokens(raw);
    expect(kept).not.toContain(token);
    expect(JSON.parse(kept)).toEqual({ data: { object: { success_url: "https://app.example/i/[token]?checkout=returned", cancel_url: "https://app.example/i/[token]?checkout=cancelled" } } });
    expect(redactLinkTokens(`"https:\\/\\/app.example\\/i\\/${token}"`)).toBe(`"https:\\/\\/app.example\\/i\\/[token]"`);
  });

  it("leaves everything else as it was", () => {
    const portal = JSON.stringify({ success_url: "https://app.example/portal/invoices/42?checkout=returned", id: "evt_1", note: `/i/${token}x` });
    expect(redactLinkTokens(portal)).toBe(portal);
  });
});
