import { toCsvHeader, toCsvLine, undefuseCell } from "@/lib/csv";
import { readCsv } from "@/lib/read-csv";

const cellsOf = (text: string) => {
  const read = readCsv(text);
  if (!read.ok) throw new Error(read.error);
  return read.rows.map((r) => r.cells);
};

describe("reading a CSV file", () => {
  it.each([
    ["commas", ",", 'name,notes\r\nAda,"12,50; paid"\r\n'],
    ["semicolons (Excel where the comma is the decimal separator)", ";", 'name;notes\r\nAda;"12,50; paid"\r\n'],
    ["tabs (Excel's Unicode text)", "\t", 'name\tnotes\r\nAda\t"12,50; paid"\r\n'],
  ])("finds the separator: %s", (_, delimiter, text) => {
    const read = readCsv(text);
    expect(read).toMatchObject({ ok: true, delimiter });
    expect(cellsOf(text)).toEqual([
      ["name", "notes"],
      ["Ada", "12,50; paid"],
    ]);
  });

  it("keeps amounts with decimal commas whole in a semicolon file", () => {
    expect(cellsOf("name;amount;note\nAda;12,50;x\nBob;1.234,50;y\n")).toEqual([
      ["name", "amount", "note"],
      ["Ada", "12,50", "x"],
      ["Bob", "1.234,50", "y"],
    ]);
  });

  it("reads quotes, doubled quotes, separators and line breaks inside quotes, CRLF, a BOM, and skips blank lines", () => {
    const text = '\ufeffname,notes\r\n"Ada, Countess","said ""hi""\non two lines"\r\n\r\n,\r\nBob,\r\n';
    expect(cellsOf(text)).toEqual([
      ["name", "notes"],
      ["Ada, Countess", 'said "hi"\non two lines'],
      ["Bob", ""],
    ]);
  });

  it("reads a file with one column, where no separator can be found", () => {
    expect(readCsv("name\nAda\nBob")).toMatchObject({ ok: true, rows: [{ cells: ["name"] }, { cells: ["Ada"] }, { cells: ["Bob"] }] });
  });

  it.each([
    ["LF", "\n"],
    ["CRLF", "\r\n"],
    ["CR", "\r"],
  ])("numbers each row by the line it starts on, %s line ends", (_, eol) => {
    const text = ["name,notes", 'Ada,"one', "two", 'three"', "", "Bob,x", '"Cy', 'Young",y'].join(eol);
    const read = readCsv(text);
    expect(read.ok && read.rows.map((r) => [r.line, r.cells[0]])).toEqual([
      [1, "name"],
      [2, "Ada"],
      [6, "Bob"],
      [7, "Cy\nYoung".replace("\n", eol)],
    ]);
  });

  it("counts a line break inside a quoted cell whatever its kind, as an editor does", () => {
    const read = readCsv('name,notes\r\nAda,"one\ntwo"\r\nBob,x\r\n');
    expect(read.ok && read.rows.map((r) => r.line)).toEqual([1, 2, 4]);
  });

  it("refuses a quote that is never closed, naming the line where it opens", () => {
    expect(readCsv('name,notes\nAda,ok\nBob,"no end\nCy,z\n')).toEqual({ ok: false, line: 3, error: expect.stringMatching(/^Line 3: a quoted cell is never closed/) });
  });

  it("refuses a stray quote inside a quoted cell, naming the line where the cell opens", () => {
    expect(readCsv('name,notes\n"Ada","multi\nline"\nBob,"said "hi""\n')).toEqual({ ok: false, line: 4, error: expect.stringMatching(/^Line 4: a quote inside a quoted cell/) });
  });

  it("reads an empty file as no rows", () => {
    expect(readCsv("")).toMatchObject({ ok: true, rows: [] });
    expect(readCsv("\ufeff\r\n\r\n")).toMatchObject({ ok: true, rows: [] });
  });
});

describe("writing a CSV line", () => {
  it("writes what the reader reads back, and defuses spreadsheet formulas but not phone numbers or amounts", () => {
    const values = ["Ada, Countess", 'say "hi"', "two\nlines", "=HYPERLINK(1)", "+14155550123", "-12.50", "@cmd", "-x", "\tTAB", null];
    const line = toCsvLine(values);
    expect(line).toBe('"Ada, Countess","say ""hi""","two\nlines",\'=HYPERLINK(1),+14155550123,-12.50,\'@cmd,\'-x,\'\tTAB,\r\n');
    expect(cellsOf(line)).toEqual([["Ada, Countess", 'say "hi"', "two\nlines", "'=HYPERLINK(1)", "+14155550123", "-12.50", "'@cmd", "'-x", "'\tTAB", ""]]);
  });
});

describe("phones in a CSV line", () => {
  it("leaves a formatted phone as it is and still defuses a sign followed by anything else", () => {
    const line = toCsvLine(["+44 20 7946 0018", "+1 415-555-0100", "(415) 555-0100", "+1 (415) x", "+SUM(1)", "- 1 -"]);
    expect(cellsOf(line)).toEqual([["+44 20 7946 0018", "+1 415-555-0100", "(415) 555-0100", "'+1 (415) x", "'+SUM(1)", "- 1 -"]]);
  });
});

describe("reading an export back", () => {
  it("gives every defused cell back as it was, and leaves other cells that start with an apostrophe alone", () => {
    const values = ["@Home Realty", "=SUM(1)", "-5 Corp", "+Plus", "\tTAB", "\rCR", "'tis", "'", "-12.50", "+44 20 7946 0018", "Zoë Müller"];
    const [cells] = cellsOf(toCsvLine(values));
    expect(cells!.map(undefuseCell)).toEqual(values);
  });

  it("starts with a byte order mark, so Excel reads accents as UTF-8, and the reader drops it", () => {
    const text = toCsvHeader(["name", "company"]) + toCsvLine(["Zoë Müller", "Müller & Söhne"]);
    expect(text.startsWith("\uFEFFname,")).toBe(true);
    expect(cellsOf(text)).toEqual([
      ["name", "company"],
      ["Zoë Müller", "Müller & Söhne"],
    ]);
  });
});
