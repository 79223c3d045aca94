import {
  addDaysIso,
  addMonthsIso,
  addMonthsToMonthStart,
  businessDay,
  daysBetween,
  formatDate,
  formatDateTime,
  formatInstantDate,
  formatRelative,
  isTimeZone,
  startOfDayIn,
  zonedInstant,
} from "@/lib/dates";

const at = (iso: string) => new Date(iso);
const hours = (a: Date, b: Date) => (b.getTime() - a.getTime()) / 3_600_000;

describe("the business's day", () => {
  it.each([
    ["17:00 in Los Angeles is still today there, though UTC is on the next day", "America/Los_Angeles", "2026-03-06T01:00:00Z", "2026-03-05"],
    ["23:59 in Los Angeles", "America/Los_Angeles", "2026-03-06T07:59:00Z", "2026-03-05"],
    ["midnight in Los Angeles starts the next day", "America/Los_Angeles", "2026-03-06T08:00:00Z", "2026-03-06"],
    ["in summer time, 17:00 in Los Angeles", "America/Los_Angeles", "2026-07-06T00:00:00Z", "2026-07-05"],
    ["08:00 in Tokyo is already the day after UTC's evening", "Asia/Tokyo", "2026-03-05T23:00:00Z", "2026-03-06"],
    ["UTC is the server's old answer", "UTC", "2026-03-06T01:00:00Z", "2026-03-06"],
    ["India is half an hour off the hour", "Asia/Kolkata", "2026-03-05T18:29:00Z", "2026-03-05"],
    ["India, a minute later", "Asia/Kolkata", "2026-03-05T18:30:00Z", "2026-03-06"],
  ])("%s", (_, zone, instant, day) => {
    expect(businessDay(zone, at(instant))).toBe(day);
  });

  it("is two different days on either side of the date line at one instant", () => {
    const instant = at("2026-03-06T11:00:00Z");
    expect(businessDay("Pacific/Kiritimati", instant)).toBe("2026-03-07");
    expect(businessDay("Pacific/Pago_Pago", instant)).toBe("2026-03-06");
  });

  it("follows a zone that jumped the date line: Samoa skipped 30 December 2011", () => {
    expect(businessDay("Pacific/Apia", at("2011-12-30T09:59:00Z"))).toBe("2011-12-29");
    expect(businessDay("Pacific/Apia", at("2011-12-30T10:00:00Z"))).toBe("2011-12-31");
    expect(startOfDayIn("2011-12-31", "Pacific/Apia").toISOString()).toBe("2011-12-30T10:00:00.000Z");
  });
});

describe("instants of a day in a zone, across daylight saving", () => {
  it("finds the start of a day, whatever the offset", () => {
    expect(startOfDayIn("2026-03-05", "America/Los_Angeles").toISOString()).toBe("2026-03-05T08:00:00.000Z");
    expect(startOfDayIn("2026-07-05", "America/Los_Angeles").toISOString()).toBe("2026-07-05T07:00:00.000Z");
    expect(startOfDayIn("2026-03-05", "UTC").toISOString()).toBe("2026-03-05T00:00:00.000Z");
  });

  it("makes the spring day 23 hours long and the autumn day 25", () => {
    expect(hours(startOfDayIn("2026-03-29", "Europe/Berlin"), startOfDayIn("2026-03-30", "Europe/Berlin"))).toBe(23);
    expect(hours(startOfDayIn("2026-10-25", "Europe/Berlin"), startOfDayIn("2026-10-26", "Europe/Berlin"))).toBe(25);
    expect(hours(startOfDayIn("2026-03-08", "America/Los_Angeles"), startOfDayIn("2026-03-09", "America/Los_Angeles"))).toBe(23);
  });

  it("starts a day whose midnight doesn't exist at the first instant it has (Santiago skips 00:00-01:00)", () => {
    const start = startOfDayIn("2026-09-06", "America/Santiago");
    expect(start.toISOString()).toBe("2026-09-06T04:00:00.000Z");
    expect(businessDay("America/Santiago", start)).toBe("2026-09-06");
    expect(businessDay("America/Santiago", new Date(start.getTime() - 1000))).toBe("2026-09-05");
  });

  it("moves a skipped time on by the gap, and takes the first of a time that happens twice", () => {
    // 02:30 doesn't exist in Los Angeles on 8 March 2026: it reads as 03:30 PDT.
    expect(zonedInstant("2026-03-08", "02:30", "America/Los_Angeles").toISOString()).toBe("2026-03-08T10:30:00.000Z");
    // 01:30 happens twice on 1 November 2026: the first one, still PDT.
    expect(zonedInstant("2026-11-01", "01:30", "America/Los_Angeles").toISOString()).toBe("2026-11-01T08:30:00.000Z");
    expect(zonedInstant("2026-03-05", "12:00", "Europe/Berlin").toISOString()).toBe("2026-03-05T11:00:00.000Z");
  });

  it("keeps noon of a day on that day in every zone from -11 to +14", () => {
    for (const zone of ["Pacific/Pago_Pago", "America/Los_Angeles", "UTC", "Asia/Tokyo", "Pacific/Kiritimati"]) {
      expect(businessDay(zone, zonedInstant("2026-03-05", "12:00", zone))).toBe("2026-03-05");
    }
  });
});

describe("calendar arithmetic on days", () => {
  it("adds days across month, year and daylight-saving ends, and counts whole days", () => {
    expect(addDaysIso("2026-02-28", 1)).toBe("2026-03-01");
    expect(addDaysIso("2024-02-28", 1)).toBe("2024-02-29");
    expect(addDaysIso("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDaysIso("2026-03-01", -1)).toBe("2026-02-28");
    expect(daysBetween("2026-03-07", "2026-03-09")).toBe(2);
    expect(daysBetween("2026-10-24", "2026-10-26")).toBe(2);
    expect(daysBetween("2026-03-09", "2026-03-07")).toBe(-2);
  });

  it.each([
    ["2026-01-31", 1, "2026-02-28"],
    ["2024-01-31", 1, "2024-02-29"],
    ["2026-01-31", 2, "2026-03-31"],
    ["2026-03-31", -1, "2026-02-28"],
    ["2026-12-31", 2, "2027-02-28"],
    ["2026-05-15", -12, "2025-05-15"],
    ["2024-02-29", 12, "2025-02-28"],
    ["2026-01-15", 1, "2026-02-15"],
  ])("billing months keep the day of the month, clamped to the month's end: %s + %i months = %s", (from, months, to) => {
    expect(addMonthsIso(from, months)).toBe(to);
  });

  it.each([
    ["2026-01-31", 1, "2026-02-01"],
    ["2026-03-15", -11, "2025-04-01"],
    ["2026-12-31", 1, "2027-01-01"],
    ["2026-01-01", -1, "2025-12-01"],
  ])("month buckets count whole months from the first: %s + %i months starts %s", (from, months, to) => {
    expect(addMonthsToMonthStart(from, months)).toBe(to);
  });
});

describe("formatting", () => {
  it("writes a calendar day in a locale and never shifts it by a zone", () => {
    expect(formatDate("2026-03-05")).toBe("Mar 5, 2026");
    expect(formatDate("2026-03-05", "de-DE")).toBe("5. März 2026");
    expect(formatDate("2026-03-05", "fr-FR")).toBe("5 mars 2026");
    expect(formatDate("2026-03-05", "en-IN")).toBe("5 Mar 2026");
    expect(formatDate("2026-03-05", "ja-JP")).toBe("2026年3月5日");
    expect(formatDate(null)).toBe("—");
  });

  it("writes an instant's day and time in the zone asked for", () => {
    const evening = at("2026-03-05T03:00:00Z");
    expect(formatInstantDate(evening, { timeZone: "UTC" })).toBe("Mar 5, 2026");
    expect(formatInstantDate(evening, { timeZone: "America/Los_Angeles" })).toBe("Mar 4, 2026");
    expect(formatDateTime(evening, { timeZone: "America/Los_Angeles" })).toBe("Mar 4, 2026, 07:00 PM PST");
    expect(formatDateTime(at("2026-07-05T03:00:00Z"), { timeZone: "Europe/Berlin", locale: "de-DE" })).toBe("5. Juli 2026, 05:00 MESZ");
  });

  const now = at("2026-03-05T12:00:00Z");
  const ago = (seconds: number) => new Date(now.getTime() - seconds * 1000);
  it.each([
    [10, "now"],
    [59, "now"],
    [60, "1 minute ago"],
    [59 * 60, "59 minutes ago"],
    [2 * 3600, "2 hours ago"],
    [23 * 3600 + 59 * 60, "23 hours ago"],
    [24 * 3600, "yesterday"],
    [3 * 86_400, "3 days ago"],
    [45 * 86_400, "last month"],
    [100 * 86_400, "3 months ago"],
    [800 * 86_400, "2 years ago"],
    [-3 * 86_400, "in 3 days"],
  ])("says how long ago an instant %i seconds back was: %s", (seconds, text) => {
    expect(formatRelative(ago(seconds), now)).toBe(text);
  });

  it("says it in the locale asked for", () => {
    expect(formatRelative(ago(2 * 3600), now, "de-DE")).toBe("vor 2 Stunden");
    expect(formatRelative(ago(2 * 3600), now, "fr-FR")).toBe("il y a 2 heures");
  });
});

describe("time zone names", () => {
  it("knows IANA zones and refuses anything else", () => {
    expect(isTimeZone("Europe/Berlin")).toBe(true);
    expect(isTimeZone("America/Los_Angeles")).toBe(true);
    expect(isTimeZone("UTC")).toBe(true);
    for (const bad of ["Mars/Olympus_Mons", "", "Europe/Berlin; path=/", "x".repeat(65), null, 3]) expect(isTimeZone(bad)).toBe(false);
  });
});
