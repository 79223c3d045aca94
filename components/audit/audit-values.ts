import { intervalLabels } from "@/lib/validation/choices";
import { currencyName } from "@/lib/currencies";
import { formatDate, isIsoDate } from "@/lib/dates";
import { formatMoney } from "@/lib/money";
import { shownPhone } from "@/lib/phone-shown";

// How an audit entry's before/after values read to a person: "Price" and
// "$35.50", not "priceMinor" and 3550. Keys we don't know are spelled out from
// camelCase ("senderName" → "Sender name").

/** What formatting needs: the business's locale and phone region; the currency when the entry has none. */
export type AuditFormat = { locale: string; region: string; currency: string };

/** A value as text, or an instant the viewer's clock shows in their zone. */
export type AuditValue = { text: string } | { at: string };

const labels: Record<string, string> = {
  smsOptIn: "SMS opt-in",
  userId: "Portal login",
  archivedAt: "Archived",
  announcedTo: "Announced to",
  sessionsEnded: "Sessions ended",
  sessionId: "Session",
  newEmail: "New email",
  changeId: "Change request",
  taxRateBp: "Tax rate",
  quantityMilli: "Quantity",
  timeZone: "Time zone",
  locale: "Language and formats",
  senderName: "Sender name",
  defaultCurrency: "Default currency",
  dueDays: "Payment terms",
  sourceId: "Copied from",
  sourceNumber: "Copied from",
  ip: "IP address",
};

/** The field's name for people: a known label, or the key spelled out ("priceMinor" → "Price"). */
export function fieldLabel(key: string): string {
  if (labels[key]) return labels[key];
  const base = key
    .replace(/Minor$/, "")
    .replace(/Bp$/, "")
    .replace(/Id$/, "");
  const words = base
    .replace(/_/g, " ")
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .toLowerCase()
    .trim();
  const spelled = words
    .replace(/\bsms\b/g, "SMS")
    .replace(/\bpdf\b/g, "PDF")
    .replace(/\burl\b/g, "URL");
  return spelled.charAt(0).toUpperCase() + spelled.slice(1);
}

const displayLanguages = new Intl.DisplayNames(["en"], { type: "language" });

// A history shows many numbers in one locale; a formatter costs more to make than to use.
const numberFormats = new Map<string, Intl.NumberFormat>();
function numberFormat(locale: string, maximumFractionDigits: number): Intl.NumberFormat {
  const key = `${maximumFractionDigits} ${locale}`;
  let fmt = numberFormats.get(key);
  if (!fmt) {
    fmt = new Intl.NumberFormat(locale, { maximumFractionDigits });
    numberFormats.set(key, fmt);
  }
  return fmt;
}

/** One value for people, formatted by what its key says it is. */
export function formatAuditValue(key: string, value: unknown, format: AuditFormat, currency: string = format.currency): AuditValue {
  if (value === null || value === undefined || value === "") return { text: "—" };
  if (typeof value === "boolean") return { text: value ? "Yes" : "No" };
  if (Array.isArray(value)) return { text: value.length === 0 ? "None" : value.map((v) => textOf(formatAuditValue(key, v, format, currency))).join(", ") };
  if (typeof value === "object") {
    const parts = Object.entries(value as Record<string, unknown>).map(([k, v]) => `${fieldLabel(k)}: ${textOf(formatAuditValue(k, v, format, currency))}`);
    return { text: parts.join("; ") || "—" };
  }
  if (typeof value === "number" && /Minor$/.test(key)) return { text: formatMoney(value, currency, format.locale) };
  if (typeof value === "number" && /Bp$/.test(key)) return { text: `${numberFormat(format.locale, 2).format(value / 100)}%` };
  if (typeof value === "number" && key === "quantityMilli") return { text: numberFormat(format.locale, 3).format(value / 1000) };
  if (typeof value === "number") return { text: numberFormat(format.locale, 3).format(value) };
  const text = String(value);
  if (/At$/.test(key) && !Number.isNaN(Date.parse(text))) return { at: text };
  if (isIsoDate(value)) return { text: formatDate(value, format.locale) };
  if (/currency$/i.test(key) && /^[A-Z]{3}$/.test(text)) return { text: `${currencyName(text)} (${text})` };
  if (key === "locale") return { text: `${displayLanguages.of(text) ?? text} (${text})` };
  if (key === "timeZone") return { text: text.replace(/_/g, " ") };
  if (/phone$/i.test(key) && text.startsWith("+")) return { text: shownPhone(text, format.region) };
  if (key === "interval" && text in intervalLabels) return { text: intervalLabels[text as keyof typeof intervalLabels] };
  if (key === "status" || key === "role") return { text: sentence(text) };
  return { text };
}

function textOf(value: AuditValue): string {
  return "text" in value ? value.text : value.at;
}

function sentence(word: string): string {
  const spaced = word.replace(/_/g, " ");
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}

/** The currency an entry's amounts are in: its own "currency" field (after, then before), else the fallback. */
export function entryCurrency(before: Record<string, unknown> | null, after: Record<string, unknown> | null, fallback: string): string {
  for (const side of [after, before]) {
    const c = side?.currency;
    if (typeof c === "string" && /^[A-Z]{3}$/.test(c)) return c;
  }
  return fallback;
}
