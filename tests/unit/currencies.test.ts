import { currencyChoices, currencyCodes, currencyDigits, currencyName, currencyOptions, isCurrencyCode } from "@/lib/currencies";
import { buildCurrencyTable } from "@/lib/currency-table.mjs";
import { formatMoney, minorDigits, parseMoney } from "@/lib/money";
import { CURRENCY_ERROR, currencyCode } from "@/lib/validation/currency";
import { invoiceDraftSchema } from "@/lib/validation/invoices";
import nextConfig from "@/next.config.mjs";

describe("the currency list", () => {
  it("is every ISO 4217 currency Intl knows, once each, in code order", () => {
    const codes = currencyCodes();
    expect(codes).toEqual(Intl.supportedValuesOf("currency"));
    expect(codes.length).toBeGreaterThan(150);
    expect(new Set(codes).size).toBe(codes.length);
    expect([...codes].sort()).toEqual(codes);
  });

  // Each of these was refused by the invoice editor, or defaulted to USD in it.
  it.each(["INR", "PLN", "SGD", "BRL", "MXN", "ZAR", "JPY", "KWD", "CLP", "ISK", "HUF", "EUR", "USD"])("takes %s", (code) => {
    expect(isCurrencyCode(code)).toBe(true);
  });

  it.each(["XYZ", "usd", "US", "EURO", "", "XXX", "XTS", "XAU", "CLF"])("has no %p: made up, not a code, a test code, gold or a unit of account", (code) => {
    expect(isCurrencyCode(code)).toBe(false);
  });
});

describe("minor digits, from Intl", () => {
  it.each([
    ["USD", 2],
    ["EUR", 2],
    ["INR", 2],
    ["JPY", 0],
    ["KRW", 0],
    ["CLP", 0],
    ["ISK", 0],
    // ISO 4217 says 2; Intl (CLDR) says 0, as forint prices are written. We follow Intl.
    ["HUF", 0],
    ["KWD", 3],
    ["BHD", 3],
    ["TND", 3],
  ])("%s has %i", (code, digits) => {
    expect(currencyDigits(code)).toBe(digits);
    expect(minorDigits(code)).toBe(digits);
    expect(minorDigits(code.toLowerCase())).toBe(digits);
  });

  it("gives a code it doesn't list 2, as Intl itself does", () => {
    expect(currencyDigits("XYZ")).toBe(2);
  });

  // Stored amounts are minor units in these digits. A Node upgrade that
  // changes one changes what stored amounts in that currency mean: this
  // fails first, so the change comes with a data migration, not silently.
  it("pins every currency that doesn't have 2 digits", () => {
    const byDigits = (d: number) => currencyCodes().filter((c) => currencyDigits(c) === d);
    expect(byDigits(0)).toEqual([
      "AFN",
      "ALL",
      "BIF",
      "CLP",
      "COP",
      "DJF",
      "GNF",
      "HUF",
      "IDR",
      "IQD",
      "IRR",
      "ISK",
      "JPY",
      "KMF",
      "KPW",
      "KRW",
      "LAK",
      "LBP",
      "MGA",
      "MMK",
      "PKR",
      "PYG",
      "RWF",
      "SLL",
      "SOS",
      "SYP",
      "UGX",
      "VND",
      "VUV",
      "XAF",
      "XOF",
      "XPF",
      "YER",
    ]);
    expect(byDigits(3)).toEqual(["BHD", "JOD", "KWD", "LYD", "OMR", "TND"]);
    expect(currencyCodes().filter((c) => ![0, 2, 3].includes(currencyDigits(c)))).toEqual([]);
  });

  it("formats and parses each currency with its own digits", () => {
    expect(formatMoney(12_000, "JPY", "en-US")).toBe("¥12,000");
    expect(formatMoney(1_500, "KWD", "en-US")).toBe("KWD\u00a01.500");
    expect(parseMoney("12.5", "JPY", "en-US")).toEqual({ ok: false, error: "This currency has no decimal places" });
    expect(parseMoney("1.2345", "KWD", "en-US")).toEqual({ ok: false, error: "Use at most 3 decimal places" });
    expect(parseMoney("1.5", "KWD", "en-US")).toEqual({ ok: true, minor: 1_500 });
  });
});

describe("the table the browser reads", () => {
  const env = process.env;
  afterEach(() => {
    process.env = env;
  });

  it("is the server's, built into both bundles by next.config.mjs", () => {
    const config = nextConfig("phase-test") as { env?: Record<string, string> };
    expect(JSON.parse(config.env!.CLIENTDESK_CURRENCY_TABLE!)).toEqual(buildCurrencyTable());
  });

  // Chromium 156 gives RSD 0 digits where Node gives 2: the built-in table wins over the runtime's own Intl.
  it("is used instead of the runtime's Intl when it is there", () => {
    const table = buildCurrencyTable();
    process.env = { ...env, CLIENTDESK_CURRENCY_TABLE: JSON.stringify({ codes: table.codes, digits: { ...table.digits, RSD: 7 } }) };
    jest.isolateModules(() => {
      const isolated = jest.requireActual<typeof import("@/lib/currencies")>("@/lib/currencies");
      expect(isolated.currencyDigits("RSD")).toBe(7);
      expect(isolated.currencyDigits("JPY")).toBe(0);
    });
  });
});

describe("names and pickers", () => {
  it("names each currency, in English or another language", () => {
    expect(currencyName("JPY")).toBe("Japanese Yen");
    expect(currencyName("KWD")).toBe("Kuwaiti Dinar");
    expect(currencyName("EUR", "de")).toBe("Euro");
    expect(currencyName("JPY", "de")).toBe("Japanischer Yen");
    expect(currencyName("XYZ")).toBe("XYZ");
  });

  it("offers the preferred currencies, then the common ones, then every other one, each once and by name", () => {
    const { common, other } = currencyChoices({ preferred: ["ZAR", "USD"] });
    expect(common.slice(0, 3).map((c) => c.code)).toEqual(["ZAR", "USD", "EUR"]);
    expect(common.find((c) => c.code === "INR")?.label).toBe("INR — Indian Rupee");
    expect(other.find((c) => c.code === "KWD")?.label).toBe("KWD — Kuwaiti Dinar");
    const all = [...common, ...other].map((c) => c.code);
    expect(new Set(all).size).toBe(all.length);
    expect([...all].sort()).toEqual([...currencyCodes()]);
    expect(other.map((c) => c.code)).toEqual([...other.map((c) => c.code)].sort());
  });

  it("keeps a stored code that isn't a currency on the list, marked, so the form shows it and asks for another", () => {
    const { common } = currencyChoices({ current: "XYZ", preferred: ["USD"] });
    expect(common[0]).toEqual({ code: "XYZ", label: "XYZ (not a currency we know)" });
    expect(currencyOptions("XYZ")[0]).toBe("XYZ");
    expect(currencyOptions("USD")).toHaveLength(currencyCodes().length);
  });
});

describe("currency fields", () => {
  it.each([
    ["EUR", "EUR"],
    [" jpy ", "JPY"],
    ["Kwd", "KWD"],
  ])("read %p as %s", (input, code) => {
    expect(currencyCode.parse(input)).toBe(code);
  });

  it.each(["XYZ", "US", "EURO", "", "€", 978, null, ["EUR"], { code: "EUR" }])("refuse %p with an error that says what to type", (input) => {
    const result = currencyCode.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe(CURRENCY_ERROR);
  });

  const draft = (currency: string) => ({
    clientId: "4",
    currency,
    issueDate: "2026-04-01",
    dueDate: "2026-04-15",
    discount: "",
    notes: "",
    lines: [{ serviceId: "", description: "Work", quantity: "1", unitPrice: "1000", taxRate: "" }],
  });

  it.each(["INR", "PLN", "SGD", "BRL", "MXN", "ZAR", "KWD", "JPY"])("let an invoice bill in %s", (currency) => {
    expect(invoiceDraftSchema("en-US").safeParse(draft(currency))).toMatchObject({ success: true, data: { currency } });
  });

  it("refuse an invoice in a currency that isn't one, on the currency field", () => {
    const result = invoiceDraftSchema("en-US").safeParse(draft("ABC"));
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([["currency", CURRENCY_ERROR]]);
  });
});
