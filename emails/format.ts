// Wording shared by the email and SMS texts, so both say the same thing.
import { formatDate, formatDateTime, formatInstantDate } from "@/lib/dates";
import { formatMoney } from "@/lib/money";

import type { EmailCompany } from "./layout";

/** An amount in the business's locale (clients have no language of their own yet). */
export const money = (minor: number, currency: string, c: EmailCompany) => formatMoney(minor, currency, c.locale);

/** The same for SMS: Intl's no-break spaces ("1 234,50 €" in fr-FR) as plain ones, so the text stays GSM-7. */
export const smsMoney = (minor: number, currency: string, c: EmailCompany) => money(minor, currency, c).replace(/[\u00a0\u202f]/g, " ");

// Dates in the business's locale, and instants in its time zone: the server
// doesn't know the reader's zone, and the business's is the one its invoices use.
/** A calendar day ("YYYY-MM-DD"): a due date. */
export const day = (value: string, c: EmailCompany) => formatDate(value, c.locale);
/** The business's day of an instant (an ISO timestamp): when a payment arrived. */
export const dayOf = (value: string, c: EmailCompany) => formatInstantDate(value, c);
/** An instant with its time and zone: when a link expires. */
export const moment = (value: string, c: EmailCompany) => formatDateTime(value, c);

const intervals: Record<string, string> = { one_time: "one-time", monthly: "per month", quarterly: "per quarter", yearly: "per year" };
export const intervalLabel = (interval: string) => intervals[interval] ?? interval.replace(/_/g, " ");

const methods: Record<string, string> = { card: "card", bank_transfer: "bank transfer", cash: "cash", other: "other means" };
export const methodLabel = (method: string) => methods[method] ?? method.replace(/_/g, " ");

export const firstName = (name: string) => name.trim().split(/\s+/)[0] ?? name;

export const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
