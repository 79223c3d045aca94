import { entryCurrency, fieldLabel, formatAuditValue, type AuditFormat } from "@/components/audit/audit-values";

const us: AuditFormat = { locale: "en-US", region: "US", currency: "USD" };
const de: AuditFormat = { locale: "de-DE", region: "DE", currency: "EUR" };
const text = (v: ReturnType<typeof formatAuditValue>) => ("text" in v ? v.text : `at ${v.at}`);

describe("audit values for people", () => {
  it("names fields as words, not keys", () => {
    expect(fieldLabel("priceMinor")).toBe("Price");
    expect(fieldLabel("smsOptIn")).toBe("SMS opt-in");
    expect(fieldLabel("dueDate")).toBe("Due date");
    expect(fieldLabel("clientId")).toBe("Client");
    expect(fieldLabel("defaultCurrency")).toBe("Default currency");
    expect(fieldLabel("archivedAt")).toBe("Archived");
  });

  it("writes money in the entry's currency and the business's locale", () => {
    expect(text(formatAuditValue("priceMinor", 3000, us))).toBe("$30.00");
    expect(text(formatAuditValue("priceMinor", 3550, us))).toBe("$35.50");
    expect(text(formatAuditValue("amountMinor", 1234567, de, "EUR"))).toBe("12.345,67\u00a0€");
    expect(entryCurrency({ currency: "GBP" }, { priceMinor: 1 }, "USD")).toBe("GBP");
    expect(entryCurrency(null, { priceMinor: 1 }, "USD")).toBe("USD");
  });

  it("writes booleans, dates, instants, currencies, locales, zones and phones", () => {
    expect(text(formatAuditValue("active", true, us))).toBe("Yes");
    expect(text(formatAuditValue("smsOptIn", false, us))).toBe("No");
    expect(text(formatAuditValue("dueDate", "2026-03-05", us))).toBe("Mar 5, 2026");
    expect(formatAuditValue("archivedAt", "2026-03-05T10:00:00.000Z", us)).toEqual({ at: "2026-03-05T10:00:00.000Z" });
    expect(text(formatAuditValue("currency", "EUR", us))).toBe("Euro (EUR)");
    expect(text(formatAuditValue("locale", "de-DE", us))).toBe("German (Germany) (de-DE)");
    expect(text(formatAuditValue("timeZone", "America/New_York", us))).toBe("America/New York");
    expect(text(formatAuditValue("phone", "+14155550199", us))).toBe("(415) 555-0199");
    expect(text(formatAuditValue("interval", "one_time", us))).toBe("One-time");
    expect(text(formatAuditValue("taxRateBp", 750, us))).toBe("7.5%");
    expect(text(formatAuditValue("name", null, us))).toBe("—");
  });

  it("writes lists and nested objects readably, not as JSON", () => {
    expect(text(formatAuditValue("announcedTo", [], us))).toBe("None");
    expect(text(formatAuditValue("steps", { offsetDays: 3, channel: "email" }, us))).toBe("Offset days: 3; Channel: email");
  });
});
