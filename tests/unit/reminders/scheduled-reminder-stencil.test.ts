/**
 * @jest-environment node
 */
import { renderEmail } from "@/emails/render";
import { sampleCompany, sampleData } from "@/emails/samples";
import { fillReminder, reminderStencil } from "@/emails/scheduled-reminder-stencil";
import { renderSms } from "@/emails/sms";

// See tests/support/react-email-render.ts for why Jest needs this.
jest.mock("@react-email/render", () => jest.requireActual("../../support/react-email-render").reactEmailRenderMock);

const cases = [
  { tone: "friendly" as const, data: sampleData.reminder_friendly },
  { tone: "firm" as const, data: sampleData.reminder_firm },
  // Characters React escapes, a long name and a link with a query string.
  {
    tone: "firm" as const,
    data: {
      ...sampleData.reminder_firm,
      clientName: `O'Brien & <Sons> "Ltd" with a rather long trading name`,
      invoiceNumber: "INV-2026-0001",
      daysFromDue: 1,
      link: "https://app.example.com/i/abc?x=1&y=2",
    },
  },
  { tone: "friendly" as const, data: { ...sampleData.reminder_friendly, daysFromDue: 0, balanceMinor: 1, currency: "JPY" } },
];

describe("the scheduled reminder stencil", () => {
  it.each(cases)("fills to exactly what a direct render gives ($tone, $data.daysFromDue days)", async ({ tone, data }) => {
    const direct = await renderEmail(tone === "friendly" ? "reminder_friendly" : "reminder_firm", data, sampleCompany);
    const filled = fillReminder(await reminderStencil(tone, sampleCompany), tone, data, sampleCompany);
    expect(filled.subject).toBe(direct.subject);
    expect(filled.html).toBe(direct.html);
    expect(filled.text).toBe(direct.text);
    expect(filled.html).toContain("Pay now");
  });

  it("words the friendly and firm notes differently, in email and SMS", async () => {
    const friendly = await renderEmail("reminder_friendly", sampleData.reminder_friendly, sampleCompany);
    const firm = await renderEmail("reminder_firm", sampleData.reminder_firm, sampleCompany);
    expect(friendly.text).toContain("A friendly reminder: invoice INV-2026-0041 is due on Dec 8, 2026, in 3 days.");
    expect(firm.text).toContain("Invoice INV-2026-0038 was due on Nov 10, 2026 and is 14 days overdue, and we have not received full payment yet.");
    expect(firm.subject).toBe("Overdue: invoice INV-2026-0038, 14 days past due - Northwind Studio");
    expect(renderSms("reminder_friendly", sampleData.reminder_friendly, sampleCompany)).toBe(
      "Northwind Studio: a reminder that invoice INV-2026-0041 ($1,280.00) is due Dec 8, 2026. Pay: https://app.example.com/i/Rt5mK8wQ2nLx7vBc",
    );
    expect(renderSms("reminder_firm", sampleData.reminder_firm, sampleCompany)).toBe(
      "Northwind Studio: invoice INV-2026-0038 is 14 days overdue, $420.50 unpaid. Please pay now: https://app.example.com/i/Pq7nW2xR5tKz1yHc",
    );
  });
});
