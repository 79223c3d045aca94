import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { formatQuantity, parseQuantity } from "@/lib/invoices/quantity";
import { statusForAmounts } from "@/lib/invoices/amounts";
import { buildZip } from "@/lib/zip";

describe("quantities", () => {
  it("parse into thousandths without floating point", () => {
    expect(parseQuantity("1")).toEqual({ ok: true, milli: 1000 });
    expect(parseQuantity("2.5")).toEqual({ ok: true, milli: 2500 });
    expect(parseQuantity(" 0.125 ")).toEqual({ ok: true, milli: 125 });
    expect(parseQuantity("1,250")).toEqual({ ok: true, milli: 1_250_000 });
    expect(parseQuantity(".5")).toEqual({ ok: true, milli: 500 });
  });

  it("refuse zero, negatives, too many decimals and junk with a message", () => {
    expect(parseQuantity("0")).toMatchObject({ ok: false, error: "The quantity must be more than 0" });
    expect(parseQuantity("-1")).toMatchObject({ ok: false });
    expect(parseQuantity("1.2345")).toMatchObject({ ok: false, error: "Use at most 3 decimal places" });
    expect(parseQuantity("two")).toMatchObject({ ok: false });
    expect(parseQuantity("")).toMatchObject({ ok: false });
  });

  it("refuse a separator that doesn't group in threes rather than dropping it", () => {
    expect(parseQuantity("1,5")).toMatchObject({ ok: false, error: "Enter a quantity, like 1 or 2.5" });
    expect(parseQuantity("1,50")).toMatchObject({ ok: false });
    expect(parseQuantity("1,5", "de-DE")).toEqual({ ok: true, milli: 1500 });
    expect(parseQuantity("1.250", "de-DE")).toEqual({ ok: true, milli: 1_250_000 });
  });

  it("format back the way people write them", () => {
    expect([1000, 1500, 42_500, 125, 2250].map(formatQuantity)).toEqual(["1", "1.5", "42.5", "0.125", "2.25"]);
  });
});

describe("status from amounts", () => {
  it("is paid only when a positive total is fully paid, partially paid in between", () => {
    expect(statusForAmounts(100, 0)).toBe("sent");
    expect(statusForAmounts(100, 1)).toBe("partially_paid");
    expect(statusForAmounts(100, 100)).toBe("paid");
    expect(statusForAmounts(0, 0)).toBe("sent");
  });
});

describe("the ZIP writer", () => {
  it("writes an archive that unzip lists and verifies, UTF-8 names included", () => {
    const zip = buildZip([
      { name: "INV-2026-0001.pdf", data: Buffer.from("%PDF-1.4 first") },
      { name: "Façade-2026.pdf", data: Buffer.alloc(70_000, 7) },
    ]);
    const file = path.join(mkdtempSync(path.join(tmpdir(), "zip-test-")), "bundle.zip");
    writeFileSync(file, zip);
    // Python's zipfile honours the UTF-8 name flag whatever the locale.
    const names = execFileSync("python3", ["-c", "import sys, zipfile, json; print(json.dumps([(i.filename, i.file_size) for i in zipfile.ZipFile(sys.argv[1]).infolist()]))", file], { encoding: "utf8" });
    expect(JSON.parse(names)).toEqual([
      ["INV-2026-0001.pdf", 14],
      ["Façade-2026.pdf", 70_000],
    ]);
    expect(execFileSync("unzip", ["-t", file], { encoding: "utf8" })).toContain("No errors detected");
    expect(execFileSync("unzip", ["-p", file, "INV-2026-0001.pdf"], { encoding: "utf8" })).toBe("%PDF-1.4 first");
  });
});
