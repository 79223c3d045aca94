// Row builders for the bulk seed: plain value arrays in a fixed column order,
// ready for one multi-row INSERT per batch. Generated in time order, so ids
// grow with created_at like a real table's.
import type { InvoiceStatus, PaymentMethod } from "@/db/schema";
import { invoiceTotals, roundDiv, type LineInput } from "@/lib/money";
import { addDays, isoDate, sqlDateTime } from "./dates";
import { CITIES, COMPANY_KINDS, COMPANY_WORDS, FIRST_NAMES, LAST_NAMES, STREETS, fictionalUsPhone, slug } from "./names";
import type { Rng } from "./random";

type Value = string | number | null;
export type Row = Value[];

export const CLIENT_COLUMNS = ["name", "company", "email", "phone", "address", "sms_opt_in", "archived_at", "created_at", "updated_at"];
export const INVOICE_COLUMNS = [
  "number",
  "client_id",
  "status",
  "issue_date",
  "due_date",
  "currency",
  "subtotal_minor",
  "tax_minor",
  "discount_minor",
  "total_minor",
  "amount_paid_minor",
  "notes",
  "sent_at",
  "paid_at",
  "voided_at",
  "void_reason",
  "created_by",
  "version",
  "created_at",
  "updated_at",
];
export const ITEM_COLUMNS = ["invoice_id", "service_id", "position", "description", "quantity_milli", "unit_price_minor", "tax_rate_bp", "line_total_minor", "tax_minor"];
export const PAYMENT_COLUMNS = ["invoice_id", "client_id", "amount_minor", "currency", "method", "status", "reference", "received_at", "recorded_by", "idempotency_key", "created_at", "updated_at"];
// Where the values filled in at write time sit (numbers, and ids known only after the insert).
export const INVOICE_NUMBER = INVOICE_COLUMNS.indexOf("number");
export const INVOICE_STATUS = INVOICE_COLUMNS.indexOf("status");
export const INVOICE_ISSUE_DATE = INVOICE_COLUMNS.indexOf("issue_date");
export const ITEM_INVOICE_ID = ITEM_COLUMNS.indexOf("invoice_id");
export const PAYMENT_INVOICE_ID = PAYMENT_COLUMNS.indexOf("invoice_id");
export const PAYMENT_KEY = PAYMENT_COLUMNS.indexOf("idempotency_key");

/** The shared frame of one bulk run: the time window and who works there. */
export type ScaleFrame = {
  rng: Rng;
  /** Midnight UTC of the first day of the window. */
  start: Date;
  spanDays: number;
  currency: string;
  taxRateBp: number;
  dueDays: number;
  /** Back-office user ids that create invoices and record payments (may be empty). */
  staffIds: number[];
  /** Catalogue service ids by name, so lines that bill a service point at it. */
  serviceIds: Map<string, number>;
};

const MINUTE = 60_000;
const businessMinute = (rng: Rng) => rng.int(8 * 60, 18 * 60) * MINUTE;

/** A client created `dayOffset` days into the window; `n` makes the email unique. */
export function clientRow(frame: ScaleFrame, n: number, dayOffset: number): Row {
  const { rng } = frame;
  const first = rng.pick(FIRST_NAMES);
  const last = rng.pick(LAST_NAMES);
  const company = rng.chance(0.7) ? `${rng.pick(COMPANY_WORDS)} ${rng.pick(COMPANY_KINDS)}` : null;
  const city = rng.pick(CITIES);
  const createdAt = new Date(addDays(frame.start, dayOffset).getTime() + businessMinute(rng));
  const archivedAt = rng.chance(0.02) ? sqlDateTime(new Date(createdAt.getTime() + rng.int(30, 300) * 86_400_000)) : null;
  const email = `${first}.${last}.${n}@${company ? `${slug(company)}.example` : "example.net"}`.toLowerCase();
  const created = sqlDateTime(createdAt);
  return [
    `${first} ${last}`,
    company,
    email,
    rng.chance(0.85) ? fictionalUsPhone(city.area, n) : null,
    `${rng.int(1, 9800)} ${rng.pick(STREETS)}, ${city.city}, ${city.region} ${city.postcode}`,
    rng.chance(0.3) ? 1 : 0,
    // An archive date past the window's end would be in the future: leave those clients active.
    archivedAt && archivedAt < sqlDateTime(addDays(frame.start, frame.spanDays)) ? archivedAt : null,
    created,
    created,
  ];
}

// `service` names the demo catalogue entry a line bills, when it bills one.
const ITEMS: { description: string; unitPriceMinor: number; quantities: number[]; service?: string }[] = [
  { description: "Website Care Plan", unitPriceMinor: 14_900, quantities: [1000], service: "Website Care Plan" },
  { description: "SEO Retainer", unitPriceMinor: 45_000, quantities: [1000], service: "SEO Retainer" },
  { description: "Consulting (hourly)", unitPriceMinor: 12_500, quantities: [500, 1000, 1500, 2250, 4000, 7750], service: "Consulting (hourly)" },
  { description: "Logo & Identity Package", unitPriceMinor: 120_000, quantities: [1000], service: "Logo & Identity Package" },
  { description: "Managed Hosting (annual)", unitPriceMinor: 36_000, quantities: [1000], service: "Managed Hosting" },
  { description: "Copywriting, per page", unitPriceMinor: 17_500, quantities: [1000, 2000, 5000] },
  { description: "Stock photography licence", unitPriceMinor: 4_900, quantities: [1000, 3000] },
  { description: "On-site workshop (half day)", unitPriceMinor: 90_000, quantities: [1000] },
];

// The status mix of a business a few years in. Issue dates are spread evenly
// over the window, so nearly every sent or partially paid invoice is overdue.
const STATUSES: [InvoiceStatus, number][] = [
  ["paid", 60],
  ["partially_paid", 10],
  ["sent", 15],
  ["draft", 10],
  ["void", 5],
];
const METHODS: [PaymentMethod, number][] = [
  ["card", 5],
  ["bank_transfer", 4],
  ["cash", 1],
];

export type InvoiceRows = { invoice: Row; items: Row[]; payment: Row | null };

/**
 * One invoice issued `dayOffset` days into the window (which ends yesterday),
 * with its lines and, when money came in, the one succeeded payment that
 * makes amount_paid true.
 */
export function invoiceRows(frame: ScaleFrame, clientId: number, dayOffset: number): InvoiceRows {
  const { rng } = frame;
  const status = rng.weighted(STATUSES);
  const lines: (LineInput & { description: string; serviceId: number | null })[] = Array.from({ length: rng.chance(0.25) ? 2 : 1 }, () => {
    const item = rng.pick(ITEMS);
    return {
      description: item.description,
      serviceId: (item.service && frame.serviceIds.get(item.service)) || null,
      quantityMilli: rng.pick(item.quantities),
      unitPriceMinor: item.unitPriceMinor,
      taxRateBp: rng.chance(0.8) ? frame.taxRateBp : 0,
    };
  });
  const totals = invoiceTotals(lines, rng.chance(0.05) ? roundDiv(lines[0]!.unitPriceMinor, 10) : 0);
  const total = totals.totalMinor;
  const amountPaid = status === "paid" ? total : status === "partially_paid" ? Math.min(total - 1, Math.max(1, Math.floor((total * rng.int(20, 80)) / 100))) : 0;

  const issueDay = addDays(frame.start, dayOffset);
  const sentAt = new Date(issueDay.getTime() + businessMinute(rng));
  const createdAt = new Date(sentAt.getTime() - rng.int(5, 240) * MINUTE);
  const daysLeft = frame.spanDays - dayOffset; // ≥ 1: the window ends yesterday
  let payment: Row | null = null;
  let paidAt: string | null = null;
  let updatedAt = status === "draft" ? createdAt : sentAt;
  if (amountPaid > 0) {
    const receivedAt = new Date(sentAt.getTime() + rng.int(0, Math.min(30, daysLeft - 1)) * 86_400_000 + rng.int(1, 300) * MINUTE);
    const method = rng.weighted(METHODS);
    const reference = method === "bank_transfer" ? `ACH ${rng.int(10_000_000, 99_999_999)}` : method === "cash" ? `Cash receipt #${rng.int(1000, 99_999)}` : null;
    // Card payments are made by the client; the rest are recorded by staff.
    const recordedBy = method === "card" || frame.staffIds.length === 0 ? null : rng.pick(frame.staffIds);
    const received = sqlDateTime(receivedAt);
    payment = [0, clientId, amountPaid, frame.currency, method, "succeeded", reference, received, recordedBy, "", received, received];
    if (status === "paid") paidAt = received;
    updatedAt = receivedAt;
  }
  // Voided within hours, so still on the issue day (never after the anchor).
  const voidedAt = status === "void" ? new Date(sentAt.getTime() + rng.int(10, 300) * MINUTE) : null;
  if (voidedAt) updatedAt = voidedAt;
  const version = status === "draft" ? 1 : 2 + (amountPaid > 0 ? 1 : 0) + (voidedAt ? 1 : 0);
  const invoice: Row = [
    null,
    clientId,
    status,
    isoDate(issueDay),
    isoDate(addDays(issueDay, frame.dueDays)),
    frame.currency,
    totals.subtotalMinor,
    totals.taxMinor,
    totals.discountMinor,
    total,
    amountPaid,
    null,
    status === "draft" ? null : sqlDateTime(sentAt),
    paidAt,
    voidedAt ? sqlDateTime(voidedAt) : null,
    voidedAt ? "Issued in error" : null,
    frame.staffIds.length > 0 ? rng.pick(frame.staffIds) : null,
    version,
    sqlDateTime(createdAt),
    sqlDateTime(updatedAt),
  ];
  const items = lines.map((line, i) => [
    0,
    line.serviceId,
    i + 1,
    line.description,
    line.quantityMilli,
    line.unitPriceMinor,
    line.taxRateBp,
    totals.lines[i]!.lineTotalMinor,
    totals.lines[i]!.taxMinor,
  ]);
  return { invoice, items, payment };
}
