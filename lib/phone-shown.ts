import { LRUCache } from "lru-cache";
import { formatPhone } from "@/lib/phone";

// Parsing a number with its metadata costs 0.1–0.3 ms, and pages show the
// same numbers on every view (a client list's 25, an invoice's two), so each
// (number, region) is formatted once per process. Server-side only: the
// browser never formats a stored number (components/phone/phone-number.tsx).
// Not for a pass over every client (the CSV export): those numbers come once
// and would push out the ones pages show.
const shownNumbers = new LRUCache<string, string>({ max: 20_000 });

/** lib/phone formatPhone, remembered: a stored E.164 number as people read it in the business's country `region`. */
export function shownPhone(e164: string | null | undefined, region: string): string {
  if (!e164) return "";
  const key = `${region} ${e164}`;
  let shown = shownNumbers.get(key);
  if (shown === undefined) {
    shown = formatPhone(e164, region);
    shownNumbers.set(key, shown);
  }
  return shown;
}
