// Count labels in English: "1 invoice", "2 invoices", "0 invoices".
// Intl.PluralRules picks the form; the count is grouped ("1,204 invoices").

const rules = new Intl.PluralRules("en-US");
const numbers = new Intl.NumberFormat("en-US");

/** "1 invoice" / "3 invoices"; `many` defaults to the word plus "s". */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${numbers.format(count)} ${rules.select(count) === "one" ? one : many}`;
}
