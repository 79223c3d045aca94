import { formatAsTyped, formatPhone, parsePhone, phoneExample, phoneField, phoneSearchPrefixes, regionFromLocale, smsError, splitPhone } from "@/lib/phone";
import { examplePhone, isPickerRegion, phoneRegions } from "@/lib/phone-regions";
import { clientSchema } from "@/lib/validation/clients";
import { signupSchema } from "@/lib/validation/signup";

const ok = (typed: string, region: string | null) => {
  const result = parsePhone(typed, region);
  if (!result.ok) throw new Error(`${typed} (${region}) refused: ${result.error}`);
  return result;
};

describe("impossible numbers are refused", () => {
  it.each([
    ["+1 555 123 4567", null, "United States"],
    ["555 123 4567", "US", "United States"],
    ["(415) 055-0100", "US", "United States"],
    ["020 7946 001", "GB", "United Kingdom"],
    ["0000 12345", "DE", "Germany"],
    ["12345", "IN", "India"],
    ["+81 0 1234", null, "Japan"],
  ])("%s (%s)", (typed, region, country) => {
    const result = parsePhone(typed, region);
    expect(result).toEqual({ ok: false, error: expect.stringContaining(country) });
  });

  it("says how a number of the chosen country is written", () => {
    const result = parsePhone("555 123 4567", "US");
    expect(result.ok || result.error).toContain(`like ${phoneExample("US")}`);
    expect(phoneExample("US")).toMatch(/^\(\d{3}\) \d{3}-\d{4}$/);
    expect(phoneExample("GB")).toMatch(/^07/);
  });

  it.each([
    ["+0 123 4567", null],
    ["+999 1234 5678", null],
    ["1-800-FLOWERS", "US"],
    ["415 555 0100 ext. 2", "US"],
    ["+1 415 +555 0100", null],
    ["", "US"],
    ["1".repeat(41), "US"],
  ])("refuses %j (%s)", (typed, region) => {
    expect(parsePhone(typed, region).ok).toBe(false);
  });

  it("a national number needs a country", () => {
    expect(parsePhone("(415) 555-0100", null)).toEqual({ ok: false, error: expect.stringContaining("country code") });
    expect(parsePhone("(415) 555-0100", "XX")).toEqual({ ok: false, error: expect.stringContaining("country code") });
  });
});

describe("national formats with a country are stored as E.164", () => {
  it.each([
    ["(415) 555-0100", "US", "+14155550100"],
    ["415.555.2671", "US", "+14155552671"],
    ["020 7946 0018", "GB", "+442079460018"],
    ["07400 123456", "GB", "+447400123456"],
    ["030 1234567", "DE", "+49301234567"],
    ["0151 23456789", "DE", "+4915123456789"],
    ["98765 43210", "IN", "+919876543210"],
    ["098765 43210", "IN", "+919876543210"],
    ["03-1234-5678", "JP", "+81312345678"],
    ["090-1234-5678", "JP", "+819012345678"],
  ])("%s in %s → %s", (typed, region, e164) => {
    expect(ok(typed, region).e164).toBe(e164);
  });
});

describe("international forms carry their own country", () => {
  it.each([
    ["+44 20 7946 0018", "US", "+442079460018"],
    ["0044 20 7946 0018", "US", "+442079460018"],
    ["00 1 415 555 0100", "DE", "+14155550100"],
    ["+1 (415) 555-0100", null, "+14155550100"],
    ["+49 (0)30 1234567", "US", "+49301234567"],
  ])("%s (picker %s) → %s", (typed, region, e164) => {
    expect(ok(typed, region).e164).toBe(e164);
  });
});

describe("numbers that take texts", () => {
  it("mobile and fixed-line-or-mobile numbers can; a landline can't", () => {
    expect(smsError(ok("07400 123456", "GB"))).toBeNull();
    expect(smsError(ok("(415) 555-0100", "US"))).toBeNull();
    expect(smsError(ok("020 7946 0018", "GB"))).toMatch(/can't take text messages.*like 07/);
  });

  it("SMS opt-in on a client refuses a landline; without it the landline is kept", () => {
    const landline = { name: "Ada", phone: "020 7946 0018", phoneCountry: "GB", currency: "GBP" };
    expect(clientSchema.safeParse({ ...landline, smsOptIn: "on" }).error?.issues).toEqual([expect.objectContaining({ path: ["phone"], message: expect.stringContaining("mobile") })]);
    expect(clientSchema.parse(landline)).toMatchObject({ phone: "+442079460018", smsOptIn: false });
    expect(clientSchema.parse(landline)).not.toHaveProperty("phoneCountry");
  });

  it("sign-up with SMS codes needs a number that can take them", () => {
    const form = { name: "Ada Lovelace", email: "ada@test.example", password: "correct horse battery staple 9", confirmPassword: "correct horse battery staple 9", phoneCountry: "GB" };
    expect(signupSchema.safeParse({ ...form, phone: "020 7946 0018", twoFactor: "sms" }).error?.issues.map((i) => i.path)).toEqual([["phone"]]);
    expect(signupSchema.parse({ ...form, phone: "07400 123456", twoFactor: "sms" }).phone).toBe("+447400123456");
    expect(signupSchema.safeParse({ ...form, phone: "", twoFactor: "none" }).error?.issues).toEqual([expect.objectContaining({ path: ["phone"], message: "Enter your mobile number" })]);
  });

  it("reports a bad phone next to the other fields' errors", () => {
    const issues = clientSchema.safeParse({ name: " ", phone: "+1 555 123 4567" }).error?.issues.map((i) => i.path.join("."));
    expect(issues).toEqual(expect.arrayContaining(["name", "phone"]));
  });

  it("refuses a country the picker doesn't offer", () => {
    expect(clientSchema.safeParse({ name: "Ada", phone: "020 7946 0018", phoneCountry: "UK" }).error?.issues[0]).toMatchObject({ path: ["phoneCountry"] });
  });
});

describe("formatting for people", () => {
  it.each([
    ["+14155550100", "US", "(415) 555-0100"],
    ["+14155550100", "GB", "+1 415-555-0100"],
    ["+442079460018", "GB", "020 7946 0018"],
    ["+442079460018", "US", "+44 20 7946 0018"],
    ["+49301234567", "DE", "030 1234567"],
    ["+81312345678", "JP", "03-1234-5678"],
    ["+81312345678", "DE", "+81 3-1234-5678"],
  ])("%s for a business in %s reads %s", (e164, region, shown) => {
    expect(formatPhone(e164, region)).toBe(shown);
  });

  it("never shows raw E.164 for a number it can read, and leaves anything else as stored", () => {
    expect(formatPhone("+447700900123", "US")).toBe("+44 7700 900123");
    expect(formatPhone("not a phone", "US")).toBe("not a phone");
    expect(formatPhone(null, "US")).toBe("");
  });

  it("splits a stored number for editing", () => {
    expect(splitPhone("+442079460018", "US")).toEqual({ region: "GB", national: "020 7946 0018" });
    expect(splitPhone(null, "DE")).toEqual({ region: "DE", national: "" });
  });

  it("splits it on the server for the phone field, with its international form while the metadata is still on its way", () => {
    expect(phoneField("+442079460018", "US")).toEqual({ region: "GB", national: "020 7946 0018", international: "+44 20 7946 0018" });
    expect(phoneField(null, "DE")).toEqual({ region: "DE", national: "", international: null });
    // Not a number that can exist: no "Valid number" line.
    expect(phoneField("+1555", "US")).toEqual({ region: "US", national: "555", international: null });
  });
});

describe("the business's country and the picker's list", () => {
  it.each([
    ["en-US", "US"],
    ["de-DE", "DE"],
    ["en-GB", "GB"],
    ["de", "DE"],
    ["ja-JP", "JP"],
    ["", "US"],
    [null, "US"],
    ["not a locale!", "US"],
  ])("%s → %s", (locale, region) => {
    expect(regionFromLocale(locale)).toBe(region);
  });

  it("lists every supported region with its name and calling code", () => {
    const list = phoneRegions("en");
    expect(list.length).toBeGreaterThan(240);
    expect(list).toContainEqual({ region: "GB", name: "United Kingdom", callingCode: 44 });
    expect(phoneRegions("de")).toContainEqual({ region: "DE", name: "Deutschland", callingCode: 49 });
  });

  it("draws the picker from the build's table, which agrees with the metadata on every region", () => {
    // The table (lib/phone-region-table.mjs, inlined by next.config.mjs) keeps the metadata out of a page's first load.
    expect(phoneRegions("en").every((r) => isPickerRegion(r.region) && examplePhone(r.region) === phoneExample(r.region))).toBe(true);
    expect(isPickerRegion("ZZ")).toBe(false);
    expect(isPickerRegion(["US"])).toBe(false);
    expect(examplePhone("US")).toBe(phoneExample("US"));
  });

  it("has an example for a country whose metadata has no mobile example, instead of throwing", () => {
    // Tristan da Cunha: getExample("TA", "mobile") throws, and the field's placeholder and error messages read it.
    expect(phoneExample("TA")).toMatch(/^\d+$/);
    const result = parsePhone("12", "TA");
    expect(result.ok).toBe(false);
  });
});

describe("search prefixes", () => {
  it.each([
    ["(415) 555", "US", ["+1415555", "+415555"]],
    ["415-555", "US", ["+1415555", "+415555"]],
    ["+1 415 555", "US", ["+1415555"]],
    ["001415555", "US", ["+1415555"]],
    ["1 415 555", "US", ["+11415555", "+1415555"]],
    ["020 7946", "GB", ["+44207946"]],
    ["030 1234", "DE", ["+49301234"]],
    ["Ada", "US", []],
    ["5", "US", []],
    ["+1 415 +55", "US", []],
  ])("%s in %s", (q, region, prefixes) => {
    expect(phoneSearchPrefixes(q, region)).toEqual(prefixes);
  });
});

describe("formatting as it is typed", () => {
  it.each([
    ["4155550100", "US", "(415) 555-0100"],
    ["415", "US", "415"],
    ["02079460018", "GB", "020 7946 0018"],
    ["+442079460018", "US", "+44 20 7946 0018"],
    ["", "US", ""],
  ])("%s in %s reads %s", (typed, region, shown) => {
    expect(formatAsTyped(typed, region)).toBe(shown);
  });

  it("leaves letters and a second + as typed, for the form to refuse", () => {
    expect(formatAsTyped("415 555 0100 ext 2", "US")).toBe("415 555 0100 ext 2");
    expect(formatAsTyped("+1 415 +555", "US")).toBe("+1 415 +555");
  });
});
