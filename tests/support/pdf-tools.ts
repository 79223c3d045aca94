import { execFileSync } from "node:child_process";

// poppler's tools read the PDF from standard input when its file is "-", so no copy is left on disk.
const STDIN = "-";
const fromStdin = (pdf: Buffer) => ({ input: pdf, maxBuffer: 64 * 1024 * 1024 });

/**
 * Text of a PDF (or of pages first..last) as poppler's pdftotext reads it,
 * with the layout kept; `layout: false` reads in content order, which keeps
 * rotated text (the PAID stamp) in one piece.
 */
export function pdfText(pdf: Buffer, pages?: { first: number; last: number }, layout = true): string {
  const range = pages ? ["-f", String(pages.first), "-l", String(pages.last)] : [];
  return execFileSync("pdftotext", [...(layout ? ["-layout"] : []), ...range, STDIN, "-"], { ...fromStdin(pdf), encoding: "utf8" });
}

/** pdfinfo's fields: Pages, Page size, Title, ... */
export function pdfInfo(pdf: Buffer): Record<string, string> {
  const out = execFileSync("pdfinfo", [STDIN], { ...fromStdin(pdf), encoding: "utf8" });
  return Object.fromEntries(
    out
      .split("\n")
      .filter((l) => l.includes(":"))
      .map((l) => [l.slice(0, l.indexOf(":")).trim(), l.slice(l.indexOf(":") + 1).trim()]),
  );
}

/** Renders one page to PNG (for people to look at); returns the file path. */
export function pdfPageToPng(pdf: Buffer, page: number, outFile: string, dpi = 80): string {
  const base = outFile.replace(/\.png$/, "");
  execFileSync("pdftoppm", ["-png", "-singlefile", "-r", String(dpi), "-f", String(page), "-l", String(page), STDIN, base], fromStdin(pdf));
  return `${base}.png`;
}
