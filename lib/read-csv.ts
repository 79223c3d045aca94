import Papa, { type ParseError } from "papaparse";

/** One row of a file, with the line it starts on as a text editor numbers it. */
export type CsvRow = { line: number; cells: string[] };

export type CsvRead = { ok: true; delimiter: string; rows: CsvRow[] } | { ok: false; line: number; error: string };

// What spreadsheets save: commas; semicolons where the comma is the decimal
// separator (Excel in much of Europe); tabs for Excel's "Unicode text".
const DELIMITERS = [",", ";", "\t"];

const QUOTE_ERRORS: Partial<Record<ParseError["code"], string>> = {
  MissingQuotes: 'a quoted cell is never closed. Add the missing " or save the file from your spreadsheet again as CSV.',
  InvalidQuotes: 'a quote inside a quoted cell must be doubled (""). Save the file from your spreadsheet again as CSV.',
};

/**
 * Reads a CSV file with papaparse, finding its separator. Rows with nothing
 * but blanks are left out. A cell whose quotes don't close or don't pair
 * makes the whole file refused: where it ends is a guess, and every row after
 * it would be read wrong.
 */
export function readCsv(text: string): CsvRead {
  // papaparse drops a byte order mark itself; dropping it first keeps its offsets ours.
  const input = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const lineAt = lineNumbers(input);
  const rows: CsvRow[] = [];
  const delimiter = guessDelimiter(input);
  // Set inside papaparse's callback, which TypeScript can't see run.
  let refused = null as { line: number; error: string } | null;
  let rowStart = 0;
  Papa.parse<string[]>(input, {
    delimiter,
    step({ data: cells, errors, meta }, parser) {
      const quotes = errors.find((e) => QUOTE_ERRORS[e.code]);
      if (quotes) {
        // The index papaparse gives is just past the cell's opening quote.
        const line = lineAt(Math.max(0, (quotes.index ?? rowStart + 1) - 1));
        refused = { line, error: `Line ${line}: ${QUOTE_ERRORS[quotes.code]}` };
        return parser.abort();
      }
      if (cells.some((cell) => cell.trim() !== "")) rows.push({ line: lineAt(rowStart), cells });
      // Where this row ended is where the next one starts.
      rowStart = meta.cursor;
    },
  });
  if (refused) return { ok: false, ...refused };
  return { ok: true, delimiter, rows };
}

/**
 * The separator that splits the first rows into the same number of cells,
 * blank rows left out (a file's last line break would otherwise count as a
 * row of one cell). With one column there is none to find, and a comma does.
 */
function guessDelimiter(input: string): string {
  return Papa.parse<string[]>(input, { delimitersToGuess: DELIMITERS, skipEmptyLines: "greedy", preview: 1 }).meta.delimiter;
}

/**
 * The line number of an offset in the text, counting CRLF, LF and a lone CR
 * each as one line break, so a line break inside a quoted cell counts too.
 */
function lineNumbers(text: string): (offset: number) => number {
  const starts = [0];
  for (const m of text.matchAll(/\r\n|\r|\n/g)) starts.push(m.index + m[0].length);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
}
