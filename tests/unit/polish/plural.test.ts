import { plural } from "@/lib/plural";

describe("plural", () => {
  it("says 1 invoice, 0 invoices and 2 invoices", () => {
    expect(plural(1, "invoice")).toBe("1 invoice");
    expect(plural(0, "invoice")).toBe("0 invoices");
    expect(plural(2, "invoice")).toBe("2 invoices");
  });

  it("takes an irregular plural and groups large counts", () => {
    expect(plural(1, "entry", "entries")).toBe("1 entry");
    expect(plural(1204, "entry", "entries")).toBe("1,204 entries");
  });
});
