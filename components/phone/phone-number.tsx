import { LRUCache } from "lru-cache";
import { formatPhone } from "@/lib/phone";

// Parsing a number with its metadata costs about 0.1 ms, and a client list
// shows 25 of them on every view, so each (number, region) is formatted once.
const shownNumbers = new LRUCache<string, string>({ max: 20_000 });

function shownNumber(value: string, region: string): string {
  const key = `${region} ${value}`;
  let shown = shownNumbers.get(key);
  if (shown === undefined) {
    shown = formatPhone(value, region);
    shownNumbers.set(key, shown);
  }
  return shown;
}

/**
 * A stored E.164 number as people read it in the business's country `region`
 * (lib/phone formatPhone: national at home, international abroad; the page
 * gets the region with regionFromLocale(settings.locale)), optionally as a
 * tel: link. A server component, so no phone metadata goes to the browser
 * just to show a number.
 */
export function PhoneNumber({ value, region, link = false, className }: { value: string; region: string; link?: boolean; className?: string }) {
  const shown = shownNumber(value, region);
  if (!link) return <span className={className}>{shown}</span>;
  return (
    <a href={`tel:${value}`} className={className}>
      {shown}
    </a>
  );
}
