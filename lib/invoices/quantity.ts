import { numberSeparators, readDecimal } from "@/lib/money";

// Quantities are stored in thousandths (1.5 hours = 1500), parsed without floats,
// in the business's locale like amounts ("2.5" in en-US, "2,5" in de-DE).

export const MAX_QUANTITY_MILLI = 1_000_000_000;

/** "1", "2.5", "1,000" (grouped in threes, as the locale writes numbers); "1,5" in en-US is refused, not read as 15. */
export function parseQuantity(input: string, locale: string): { ok: true; milli: number } | { ok: false; error: string } {
  const n = readDecimal(input, locale);
  if (!n || n.whole.length > 9) return { ok: false, error: `Enter a quantity, like 1 or 2${numberSeparators(locale).decimal}5` };
  if (n.frac.length > 3) return { ok: false, error: "Use at most 3 decimal places" };
  const milli = Number(n.whole || "0") * 1000 + Number(n.frac.padEnd(3, "0") || "0");
  if (milli <= 0) return { ok: false, error: "The quantity must be more than 0" };
  if (milli > MAX_QUANTITY_MILLI) return { ok: false, error: "That quantity is too large" };
  return { ok: true, milli };
}

/** 1500 → "1.5" (en-US) or "1,5" (de-DE), 2000 → "2", 1000000 → "1,000"; what parseQuantity reads back. */
export function formatQuantity(milli: number, locale: string): string {
  // One formatter per locale, as lib/money keeps them: making one costs more than a page's lines to format.
  let fmt = quantityFormats.get(locale);
  if (!fmt) {
    fmt = new Intl.NumberFormat(locale, { numberingSystem: "latn", useGrouping: true, maximumFractionDigits: 3 });
    quantityFormats.set(locale, fmt);
  }
  return fmt.format(milli / 1000);
}

const quantityFormats = new Map<string, Intl.NumberFormat>();
