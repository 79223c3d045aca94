import { z } from "zod";
import { checkInvoiceTotals, parseMoney, parseRate } from "@/lib/money";
import { parseQuantity } from "@/lib/invoices/quantity";
import { currencyCode } from "./currency";
import { id, idList, isIsoDate, isoDate, optionalId, optionalText, positiveId, readWholeNumber, requestKey, requiredText, typedValue, wholeNumber } from "./fields";
import { invoiceStatusFilters, paymentMethods, type InvoiceStatusFilter } from "./choices";

export { invoiceStatusFilters, paymentMethods, type InvoiceStatusFilter };

// Amounts, quantities and rates stay text here and are read by lib/money and
// lib/invoices/quantity in the invoice's currency and the business's locale (readDraftAmounts).
// Examples in the messages here have no separators, so they hold in every locale;
// the locale's own form comes with the errors lib/money gives.
const lineFields = z.object({
  serviceId: optionalId("Pick a service from the list"),
  description: requiredText(500, "Describe this line"),
  quantity: typedValue(40, "Enter a quantity, like 1 or 2.5"),
  unitPrice: typedValue(40, "Enter a price, like 120"),
  taxRate: typedValue(40, "Enter a rate like 8 or 12.5"),
});

const draftFields = z.object({
  clientId: positiveId("Choose a client"),
  currency: currencyCode,
  issueDate: isoDate("Enter the issue date"),
  dueDate: isoDate("Enter the due date"),
  discount: typedValue(40, "Enter a discount, like 10"),
  notes: optionalText(5000, "Notes"),
  lines: z.array(lineFields).min(1, { error: "Add at least one line" }).max(500, { error: "An invoice can have at most 500 lines" }),
});

type DraftFields = z.output<typeof draftFields>;

type AmountFields = { currency: string; discount: string; lines: { quantity: string; unitPrice: string; taxRate: string }[] };
type Issue = { path: (string | number)[]; message: string };

/**
 * Reads the typed quantities, prices, tax rates and discount in the
 * invoice's currency and the business's locale, without floats: the values in minor units, thousandths
 * and basis points, and an error for each field that doesn't read. The form
 * runs it too, so these errors show alongside the others at once.
 */
export function readDraftAmounts(v: AmountFields, locale: string) {
  const issues: Issue[] = [];
  const lines = v.lines.map((line, i) => {
    const qty = parseQuantity(line.quantity, locale);
    const price = parseMoney(line.unitPrice, v.currency, locale);
    const rate = line.taxRate.trim() === "" ? ({ ok: true, bp: 0 } as const) : parseRate(line.taxRate, locale);
    if (!qty.ok) issues.push({ path: ["lines", i, "quantity"], message: qty.error });
    if (!price.ok) issues.push({ path: ["lines", i, "unitPrice"], message: price.error });
    else if (price.minor < 0) issues.push({ path: ["lines", i, "unitPrice"], message: "A price can't be negative" });
    if (!rate.ok) issues.push({ path: ["lines", i, "taxRate"], message: rate.error });
    return { quantityMilli: qty.ok ? qty.milli : 0, unitPriceMinor: price.ok ? price.minor : 0, taxRateBp: rate.ok ? rate.bp : 0 };
  });
  let discountMinor = 0;
  if (v.discount.trim() !== "") {
    const parsed = parseMoney(v.discount, v.currency, locale);
    if (!parsed.ok) issues.push({ path: ["discount"], message: parsed.error });
    else if (parsed.minor < 0) issues.push({ path: ["discount"], message: "A discount can't be negative" });
    else discountMinor = parsed.minor;
  }
  // A quantity times a price can pass what an amount holds (2^53 minor units): refused here, by its line.
  const totals = checkInvoiceTotals(lines, discountMinor);
  if (!totals.ok) issues.push({ path: totals.line === null ? ["lines"] : ["lines", totals.line, "unitPrice"], message: totals.error });
  return { lines, discountMinor, issues };
}

function toDraft(v: DraftFields, ctx: z.RefinementCtx, locale: string) {
  const amounts = readDraftAmounts(v, locale);
  for (const issue of amounts.issues) ctx.addIssue({ code: "custom", ...issue });
  if (v.dueDate < v.issueDate) ctx.addIssue({ code: "custom", path: ["dueDate"], message: "The due date can't be before the issue date" });
  const lines = v.lines.map((line, i) => ({ serviceId: line.serviceId, description: line.description, ...amounts.lines[i]! }));
  return { clientId: v.clientId, currency: v.currency, issueDate: v.issueDate, dueDate: v.dueDate, discountMinor: amounts.discountMinor, notes: v.notes, lines };
}

const draftFormFields = draftFields.extend({
  invoiceId: optionalId().transform((v) => v ?? undefined),
  // The version the form was opened at: a save over someone else's change is refused.
  expectedVersion: positiveId("Reload the invoice and try again").optional(),
});

const draftSchemas = new Map<string, ReturnType<typeof buildDraftSchema>>();
const buildDraftSchema = (locale: string) => draftFormFields.transform((v, ctx) => ({ ...toDraft(v, ctx, locale), invoiceId: v.invoiceId, expectedVersion: v.expectedVersion }));

/** The invoice form, for both a new draft and editing one, with its numbers read in the business's locale. */
export function invoiceDraftSchema(locale: string) {
  let schema = draftSchemas.get(locale);
  if (!schema) draftSchemas.set(locale, (schema = buildDraftSchema(locale)));
  return schema;
}
export type InvoiceDraftFormInput = z.input<typeof draftFormFields>;

export const invoiceIdSchema = z.object({ invoiceId: id });

/**
 * Issuing freezes the draft as it is, so the caller says which version it
 * showed the person (the same field rules as the save's): a draft someone
 * changed since is refused rather than frozen unseen.
 */
export const issueInvoiceSchema = z.object({ invoiceId: id, expectedVersion: positiveId("Reload the invoice and try again") });

export const voidInvoiceSchema = z.object({ invoiceId: id, reason: requiredText(500, "Say why this invoice is void").pipe(z.string().min(3, { error: "Say a little more about why" })) });

const ADDRESS_SPLIT = /[\s,;]+/;

/** Several addresses in one field, separated by commas, semicolons or spaces; each must be valid. */
const addressList = (field: string, required: boolean) =>
  // One field, one string: several addresses are typed with separators, never sent as a list.
  z
    .string({ error: `Enter the ${field} addresses, separated by commas` })
    .max(20_000, { error: "Use at most 50 addresses" })
    .nullish()
    .transform((value, ctx) => {
      const list = [
        ...new Set(
          (value ?? "")
            .split(ADDRESS_SPLIT)
            .map((a) => a.trim().toLowerCase())
            .filter(Boolean),
        ),
      ];
      if (required && list.length === 0) ctx.addIssue({ code: "custom", message: `Add at least one ${field} address` });
      const bad = list.filter((a) => !z.email().max(254).safeParse(a).success);
      if (bad.length) ctx.addIssue({ code: "custom", message: `Not a valid email address: ${bad.join(", ")}` });
      if (list.length > 50) ctx.addIssue({ code: "custom", message: "Use at most 50 addresses" });
      return list;
    });

export const emailInvoiceSchema = z.object({
  invoiceId: id,
  to: addressList("recipient", true),
  cc: addressList("CC", false),
  bcc: addressList("BCC", false),
  subject: requiredText(300, "Enter a subject"),
  message: optionalText(5000, "The message"),
  idempotencyKey: requestKey,
});

export const recordPaymentSchema = z.object({
  invoiceId: id,
  // Read in the invoice's own currency and the business's locale by the action (lib/money).
  amount: requiredText(40, "Enter an amount, like 120"),
  method: z.enum(paymentMethods, { error: "Pick how it was paid" }),
  reference: optionalText(120, "The reference"),
  receivedOn: isoDate("Enter the date it was received"),
  idempotencyKey: requestKey,
});

export const paymentIdSchema = z.object({ paymentId: id });
export const rejectPaymentSchema = z.object({ paymentId: id, reason: requiredText(300, "Say why it is rejected") });
/**
 * amount: what to refund, as typed in the business's locale; left out, the rest of the payment.
 * refundableMinor: what was left to refund when the person opened the refund. A request made on
 * what is no longer so (the same refund sent twice, or someone else's refund in between) is refused.
 */
export const refundPaymentSchema = z.object({
  paymentId: id,
  refundableMinor: wholeNumber("Reload the page and try again", { min: 0, max: Number.MAX_SAFE_INTEGER }),
  reason: optionalText(300, "The reason"),
  amount: optionalText(40, "The amount"),
});

export const bulkInvoicesSchema = z.object({
  ids: idList.refine((v) => v.length > 0, { error: "Select at least one invoice" }).refine((v) => v.length <= 100, { error: "Select at most 100 invoices at a time" }),
  batchKey: requestKey.optional(),
});

export const runBillingSchema = z.object({});

// ---- The list's URL: every filter lives in the search params, and bad values are dropped, not errors.

export const invoiceSorts = ["issue_date", "-issue_date", "due_date", "-due_date", "total", "-total", "number", "-number"] as const;
export type InvoiceSort = (typeof invoiceSorts)[number];

export type InvoiceListParams = {
  statuses: InvoiceStatusFilter[];
  clientId: number | null;
  q: string;
  issuedFrom: string | null;
  issuedTo: string | null;
  dueFrom: string | null;
  dueTo: string | null;
  /**
   * Only invoices in this currency: the one chosen, or the one the amounts
   * were read in when a min or max is given without one (amounts in
   * different currencies don't compare).
   */
  currency: string | null;
  minMinor: number | null;
  maxMinor: number | null;
  sort: InvoiceSort;
  page: number;
};

type RawParams = Record<string, string | string[] | undefined>;

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.trim() ?? "";
const dateParam = (v: string | string[] | undefined) => {
  const s = first(v);
  return isIsoDate(s) ? s : null;
};

/**
 * Reads the list's search params. Min and max amounts are read in the chosen
 * currency, or else the business's (`businessCurrency`), in its `locale`.
 */
export function parseInvoiceListParams(raw: RawParams, businessCurrency: string, locale: string): InvoiceListParams {
  const statusValues = (Array.isArray(raw.status) ? raw.status : [raw.status ?? ""]).flatMap((s) => s.split(","));
  const statuses = [...new Set(statusValues.map((s) => s.trim()).filter((s): s is InvoiceStatusFilter => (invoiceStatusFilters as readonly string[]).includes(s)))];
  const clientId = readWholeNumber(first(raw.client)) ?? 0;
  const chosen = currencyCode.safeParse(first(raw.currency));
  const amountCurrency = chosen.success ? chosen.data : businessCurrency;
  const amount = (v: string | string[] | undefined) => {
    const parsed = first(v) ? parseMoney(first(v), amountCurrency, locale) : null;
    return parsed?.ok && parsed.minor >= 0 ? parsed.minor : null;
  };
  const minMinor = amount(raw.min);
  const maxMinor = amount(raw.max);
  const sort = first(raw.sort);
  const page = readWholeNumber(first(raw.page)) ?? 1;
  return {
    statuses,
    clientId: Number.isSafeInteger(clientId) && clientId > 0 ? clientId : null,
    q: first(raw.q).slice(0, 100),
    issuedFrom: dateParam(raw.issuedFrom),
    issuedTo: dateParam(raw.issuedTo),
    dueFrom: dateParam(raw.dueFrom),
    dueTo: dateParam(raw.dueTo),
    currency: chosen.success ? chosen.data : minMinor !== null || maxMinor !== null ? businessCurrency : null,
    minMinor,
    maxMinor,
    sort: (invoiceSorts as readonly string[]).includes(sort) ? (sort as InvoiceSort) : "-issue_date",
    page: Number.isSafeInteger(page) && page > 0 ? Math.min(page, 10_000) : 1,
  };
}

/** The search params for a set of filters (page left out), for links that keep the current view. */
export function invoiceListQueryString(p: Omit<InvoiceListParams, "page" | "minMinor" | "maxMinor"> & { min?: string; max?: string }): string {
  const q = new URLSearchParams();
  if (p.statuses.length) q.set("status", p.statuses.join(","));
  if (p.clientId) q.set("client", String(p.clientId));
  if (p.q) q.set("q", p.q);
  if (p.issuedFrom) q.set("issuedFrom", p.issuedFrom);
  if (p.issuedTo) q.set("issuedTo", p.issuedTo);
  if (p.dueFrom) q.set("dueFrom", p.dueFrom);
  if (p.dueTo) q.set("dueTo", p.dueTo);
  if (p.currency) q.set("currency", p.currency);
  if (p.min) q.set("min", p.min);
  if (p.max) q.set("max", p.max);
  if (p.sort !== "-issue_date") q.set("sort", p.sort);
  return q.toString();
}
