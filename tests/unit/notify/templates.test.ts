/**
 * @jest-environment node
 */
import { renderEmail } from "@/emails/render";
import { sampleCompany, sampleData } from "@/emails/samples";
import { renderSms, smsSegments } from "@/emails/sms";
import type { TemplateName } from "@/lib/notify/templates";

// See tests/support/react-email-render.ts for why Jest needs this.
jest.mock("@react-email/render", () => jest.requireActual("../../support/react-email-render").reactEmailRenderMock);

const names = Object.keys(sampleData) as TemplateName[];

describe("email templates", () => {
  it.each(names)("%s renders HTML and text with the company's name and address, and nothing remote", async (name) => {
    const email = await renderEmail(name, sampleData[name], sampleCompany);
    expect(email.subject.length).toBeGreaterThan(5);
    expect(email.html).toContain("Northwind Studio");
    expect(email.html).toContain("12 Harbour Street, Bristol BS1 4QA, United Kingdom");
    expect(email.text).toContain("12 Harbour Street, Bristol BS1 4QA, United Kingdom");
    // No remote fonts, images or stylesheets: nothing for a mail client to fetch.
    expect(email.html).not.toMatch(/<img|<link|@import|url\(|fonts\.googleapis/i);
    expect(email.text).not.toMatch(/<[a-z]/i);
  });

  it("puts the invoice's link, amounts and due date in both versions", async () => {
    const email = await renderEmail("invoice", sampleData.invoice, sampleCompany);
    for (const part of [email.html, email.text]) {
      expect(part).toContain("https://app.example.com/i/Xk3vQ9rT2mLp8sWd");
      expect(part).toContain("$1,280.00");
      expect(part).toContain("Dec 8, 2026");
    }
    expect(email.text).toContain("Balance due: $1,280.00");
    expect(email.subject).toBe("Invoice INV-2026-0042 from Northwind Studio");
  });

  it("escapes what a client typed instead of rendering it as HTML", async () => {
    const email = await renderEmail("invoice", { ...sampleData.invoice, message: '<img src="https://evil.example/x">' }, sampleCompany);
    expect(email.html).not.toContain("<img");
    expect(email.html).toContain("&lt;img");
  });
});

describe("dates in emails and SMS", () => {
  const berlin = { ...sampleCompany, locale: "de-DE", timeZone: "Europe/Berlin" };
  const losAngeles = { ...sampleCompany, locale: "en-US", timeZone: "America/Los_Angeles" };

  it("writes due dates in the business's locale, without shifting the day", async () => {
    const email = await renderEmail("invoice", sampleData.invoice, berlin);
    expect(email.text).toContain("8. Dez. 2026");
    expect(email.text).not.toContain("Dec 8, 2026");
    expect(renderSms("payment_reminder", { ...sampleData.payment_reminder, daysOverdue: 0 }, berlin)).toContain("10. Nov. 2026");
  });

  it("dates a payment by the business's day, and gives a link's expiry in the business's zone", async () => {
    // 03:00 UTC on 25 November is still the 24th in Los Angeles.
    const receipt = await renderEmail("payment_receipt", { ...sampleData.payment_receipt, paidAt: "2026-11-25T03:00:00.000Z" }, losAngeles);
    expect(receipt.text).toContain("Nov 24, 2026");
    const reset = await renderEmail("password_reset", sampleData.password_reset, losAngeles);
    expect(reset.text).toContain("Nov 24, 2026, 10:30 AM PST");
    expect((await renderEmail("password_reset", sampleData.password_reset, sampleCompany)).text).toContain("Nov 24, 2026, 06:30 PM UTC");
  });

  it("writes amounts in the business's locale: email as Intl does, SMS with plain spaces", async () => {
    const email = await renderEmail("invoice", { ...sampleData.invoice, currency: "EUR" }, berlin);
    for (const part of [email.html, email.text]) expect(part).toContain("1.280,00\u00a0€");
    expect(email.text).not.toContain("1,280.00");
    const receipt = await renderEmail("payment_receipt", { ...sampleData.payment_receipt, currency: "EUR", amountMinor: 1250 }, { ...sampleCompany, locale: "fr-FR", timeZone: "Europe/Paris" });
    expect(receipt.text).toContain("12,50\u00a0€");
    const sms = renderSms("invoice", { ...sampleData.invoice, currency: "EUR" }, berlin);
    expect(sms).toContain("1.280,00 €");
    expect(sms).not.toMatch(/[\u00a0\u202f]/);
    for (const name of ["reminder_friendly", "reminder_firm"] as const) {
      const data = { ...sampleData[name], currency: "EUR", balanceMinor: 123_450 };
      expect((await renderEmail(name, data, berlin)).text).toContain("1.234,50\u00a0€");
      const text = renderSms(name, data, berlin);
      expect(text).toContain("1.234,50 €");
      expect(text).not.toMatch(/[\u00a0\u202f]/);
    }
  });

  it("keeps SMS in one GSM-7 segment in a German or French business", () => {
    for (const company of [berlin, { ...sampleCompany, locale: "fr-FR", timeZone: "Europe/Paris" }]) {
      for (const name of ["invoice", "payment_reminder", "staff_invite_accept"] as const) {
        expect(smsSegments(renderSms(name, { ...sampleData[name], daysOverdue: 0 } as never, company))).toMatchObject({ encoding: "GSM-7", segments: 1 });
      }
    }
  });
});

describe("SMS texts", () => {
  it.each(names)("%s fits one 160-character GSM-7 segment with sample data", (name) => {
    const text = renderSms(name, sampleData[name], sampleCompany);
    expect(smsSegments(text)).toMatchObject({ encoding: "GSM-7", segments: 1 });
    expect(text.length).toBeLessThanOrEqual(160);
  });

  it("counts segments the way carriers do", () => {
    expect(smsSegments("a".repeat(160))).toEqual({ encoding: "GSM-7", length: 160, segments: 1 });
    expect(smsSegments("a".repeat(161))).toEqual({ encoding: "GSM-7", length: 161, segments: 2 });
    expect(smsSegments("€".repeat(80))).toEqual({ encoding: "GSM-7", length: 160, segments: 1 });
    expect(smsSegments(`${"a".repeat(69)}’`)).toEqual({ encoding: "UCS-2", length: 70, segments: 1 });
    expect(smsSegments(`${"a".repeat(70)}’`)).toEqual({ encoding: "UCS-2", length: 71, segments: 2 });
  });
});
