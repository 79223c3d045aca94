import { z } from "zod";
import { checkbox, id, idList, isIsoDate, isoDate, optionalText, readWholeNumber, requiredText, typedValue } from "@/lib/validation/fields";

// The shared building blocks of every form schema: what a person typed is
// taken, anything else is refused, and nothing is coerced into shape.

describe("ids", () => {
  it.each([
    ["1", 1],
    ["42", 42],
    ["9007199254740991", Number.MAX_SAFE_INTEGER],
    [7, 7],
  ])("takes %p as %p (digits, or a JSON safe integer)", (input, expected) => {
    expect(id.parse(input)).toBe(expected);
  });

  it.each([
    true,
    false,
    "0x1",
    " 1 ",
    "1 ",
    "01",
    "1e3",
    "1.0",
    "+1",
    "-1",
    "0",
    "",
    "١",
    "9007199254740992",
    0,
    -1,
    1.5,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    2 ** 53,
    ["1"],
    { id: 1 },
    null,
    undefined,
    BigInt(1),
  ])("refuses %p", (input) => {
    expect(id.safeParse(input).success).toBe(false);
  });

  it("reads whole numbers the same way, zero included", () => {
    expect(readWholeNumber("0")).toBe(0);
    expect(readWholeNumber("00")).toBeNull();
    expect(readWholeNumber(-0)).toBeNull();
  });

  it("takes a list where a list is expected, and refuses a list of anything else", () => {
    expect(idList.parse(["1", 2])).toEqual([1, 2]);
    expect(idList.parse("3")).toEqual([3]);
    expect(idList.parse(undefined)).toEqual([]);
    expect(idList.safeParse(["1", "0x2"]).success).toBe(false);
  });
});

describe("calendar dates", () => {
  it.each(["2024-02-29", "2025-12-31", "2000-02-29", "1000-01-01", "9999-12-31"])("takes %s", (value) => {
    expect(isIsoDate(value)).toBe(true);
    expect(isoDate("Enter a date").parse(value)).toBe(value);
  });

  it.each([
    "2025-02-29",
    "2025-02-31",
    "2024-04-31",
    "2100-02-29",
    "2025-13-01",
    "2025-00-01",
    "2025-01-00",
    "0999-12-31",
    "0000-01-01",
    "2025-1-1",
    " 2025-01-01",
    "2025-01-01T00:00:00Z",
    "+02025-01-01",
    "",
  ])("refuses %p", (value) => {
    expect(isIsoDate(value)).toBe(false);
    expect(isoDate("Enter a date").safeParse(value).error?.issues[0]?.message).toBe("Enter a date");
  });
});

describe("text", () => {
  const name = requiredText(20, "Enter a name");
  const notes = optionalText(50, "Notes");

  it("trims, keeps line breaks (as LF) and tabs in a textarea, and reads an empty textarea as null", () => {
    expect(name.parse("  Ada  ")).toBe("Ada");
    expect(notes.parse("one\r\ntwo\tthree")).toBe("one\ntwo\tthree");
    expect(notes.parse("")).toBeNull();
    expect(notes.parse(undefined)).toBeNull();
  });

  it.each([
    ["NUL", "Ada\u0000"],
    ["a line break in one line", "Ada\nLovelace"],
    ["an escape", "\u001b[31m"],
    ["DEL", "Ada\u007f"],
    ["half a surrogate pair", "Ada \udc00"],
  ])("refuses %s", (_what, value) => {
    expect(name.safeParse(value).error?.issues[0]?.message).toBe("Remove the hidden control characters from this text");
  });

  it("keeps whole emoji, which are surrogate pairs", () => {
    expect(name.parse("Ada 👩‍💻")).toBe("Ada 👩‍💻");
  });

  it.each([
    ["a list", ["a", "b"]],
    ["a number", 12],
    ["a boolean", true],
    ["an object", { a: 1 }],
  ])("refuses %s where one string is expected", (_what, value) => {
    expect(name.safeParse(value).success).toBe(false);
    expect(notes.safeParse(value).success).toBe(false);
    expect(typedValue(40, "Enter an amount").safeParse(value).success).toBe(false);
  });
});

describe("checkboxes", () => {
  it('reads "on" and true as ticked, nothing and false as not', () => {
    const form = z.object({ box: checkbox });
    expect(form.parse({ box: "on" })).toEqual({ box: true });
    expect(form.parse({ box: true })).toEqual({ box: true });
    expect(form.parse({})).toEqual({ box: false });
    expect(form.parse({ box: false })).toEqual({ box: false });
  });

  it.each(["true", "1", "yes", "off", "", ["on", "on"], 1, null])("refuses %p", (value) => {
    expect(checkbox.safeParse(value).error?.issues[0]?.message).toBe("Tick the box or leave it empty");
  });
});
