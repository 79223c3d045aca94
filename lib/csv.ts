// RFC 4180 CSV: quoted fields, doubled quotes, commas and line breaks inside
// quotes, CRLF or LF line ends, and an optional UTF-8 byte order mark.

export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += ch;
    } else if (ch === '"' && field === "") quoted = true;
    else if (ch === ",") {
      row.push(field);
      field = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += ch;
  }
  if (field !== "" || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  // Blank lines carry no data.
  return rows.filter((r) => r.some((cell) => cell.trim() !== ""));
}

// A cell a spreadsheet would run as a formula. A phone number ("+15551234567")
// or a negative amount ("-12.50") is data, not a formula, so it is left alone.
const FORMULA = /^[=@\t\r]|^[+-](?![\d.]+$)/;

function cell(value: string | number | boolean | null | undefined): string {
  let text = value == null ? "" : String(value);
  if (FORMULA.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsvLine(values: (string | number | boolean | null | undefined)[]): string {
  return `${values.map(cell).join(",")}\r\n`;
}
