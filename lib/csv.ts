// Writes CSV for the exports (and undoes its formula defusing for the import). Files are read by lib/read-csv.ts (papaparse).

// A cell a spreadsheet would run as a formula. A phone number ("+15551234567",
// "+44 20 7946 0018") or a negative amount ("-12.50") is data, not a formula:
// with only digits, spaces, dots, dashes and brackets after the sign it can
// call nothing, so it is left alone (and imports back as it is).
const FORMULA = /^[=@\t\r]|^[+-](?![\d. ()-]+$)/;

function cell(value: string | number | boolean | null | undefined): string {
  let text = value == null ? "" : String(value);
  if (FORMULA.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsvLine(values: (string | number | boolean | null | undefined)[]): string {
  return `${values.map(cell).join(",")}\r\n`;
}

/**
 * An export's first line. The byte order mark makes Excel read the file as
 * UTF-8: without it, "Zoë Müller" opens as "ZoÃ« MÃ¼ller".
 */
export function toCsvHeader(names: string[]): string {
  return `\uFEFF${toCsvLine(names)}`;
}

/** A cell as it was before `toCsvLine` defused it: "'=SUM(1)" reads back as "=SUM(1)". */
export function undefuseCell(text: string): string {
  return text.startsWith("'") && FORMULA.test(text.slice(1)) ? text.slice(1) : text;
}
