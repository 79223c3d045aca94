// Wording shared by the email and SMS texts, so both say the same thing.
import { formatDate, formatDateTime } from "@/lib/dates";
import { formatMoney } from "@/lib/money";

export const money = (minor: number, currency: string) => formatMoney(minor, currency);
export const day = (value: string) => formatDate(value);
export const moment = (value: string) => formatDateTime(value);

const intervals: Record<string, string> = { one_time: "one-time", monthly: "per month", quarterly: "per quarter", yearly: "per year" };
export const intervalLabel = (interval: string) => intervals[interval] ?? interval.replace(/_/g, " ");

const methods: Record<string, string> = { card: "card", bank_transfer: "bank transfer", cash: "cash", other: "other means" };
export const methodLabel = (method: string) => methods[method] ?? method.replace(/_/g, " ");

export const firstName = (name: string) => name.trim().split(/\s+/)[0] ?? name;

export const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
