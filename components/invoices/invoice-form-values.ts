import type { FieldError, FieldErrors as FormErrors, Resolver } from "react-hook-form";
import { addDaysIso, daysBetween } from "@/lib/dates";
import type { FieldErrors } from "@/lib/form-state";
import { formatQuantity, parseQuantity } from "@/lib/invoices/quantity";
import { checkInvoiceTotals, formatAmountInput, formatRateInput, parseMoney, parseRate, type LineTotals } from "@/lib/money";
import type { ClientOption } from "./client-picker";

export type InvoiceFormDraft = {
  id: number;
  version: number;
  client: ClientOption;
  currency: string;
  issueDate: string;
  dueDate: string;
  discountMinor: number;
  notes: string | null;
  lines: { serviceId: number | null; description: string; quantityMilli: number; unitPriceMinor: number; taxRateBp: number }[];
};

export type InvoiceFormDefaults = { currency: string; taxRateBp: number; dueDays: number; today: string; locale: string };

export type LineValues = { serviceId: string; description: string; quantity: string; unitPrice: string; taxRate: string };

/** What the form holds: the text as typed, the picked client, and the payment terms that set the due date. */
export type InvoiceFormValues = {
  client: ClientOption | null;
  currency: string;
  issueDate: string;
  terms: string;
  dueDate: string;
  discount: string;
  notes: string;
  lines: LineValues[];
};

/** What the action receives: the same text, parsed again on the server by invoiceDraftSchema. */
export type InvoiceDraftPayload = {
  invoiceId: number | undefined;
  expectedVersion: number | undefined;
  clientId: number | "";
  currency: string;
  issueDate: string;
  dueDate: string;
  discount: string;
  notes: string;
  lines: LineValues[];
};

export const TERMS = [0, 7, 14, 30, 60];

export const blankLine = (defaultTax: string): LineValues => ({ serviceId: "", description: "", quantity: "1", unitPrice: "", taxRate: defaultTax });

export function initialValues(defaults: InvoiceFormDefaults, client: ClientOption | null, draft: InvoiceFormDraft | undefined): InvoiceFormValues {
  const { locale } = defaults;
  const defaultTax = defaults.taxRateBp ? formatRateInput(defaults.taxRateBp, locale) : "";
  const terms = draft ? daysBetween(draft.issueDate, draft.dueDate) : defaults.dueDays;
  return {
    client: draft?.client ?? client,
    currency: draft?.currency ?? defaults.currency,
    issueDate: draft?.issueDate ?? defaults.today,
    terms: TERMS.includes(terms) || terms === defaults.dueDays ? String(terms) : "custom",
    dueDate: draft?.dueDate ?? addDaysIso(defaults.today, defaults.dueDays),
    discount: draft && draft.discountMinor > 0 ? formatAmountInput(draft.discountMinor, draft.currency, locale) : "",
    notes: draft?.notes ?? "",
    lines: draft
      ? draft.lines.map((l) => ({
          serviceId: l.serviceId ? String(l.serviceId) : "",
          description: l.description,
          quantity: formatQuantity(l.quantityMilli, locale),
          unitPrice: formatAmountInput(l.unitPriceMinor, draft.currency, locale),
          taxRate: l.taxRateBp ? formatRateInput(l.taxRateBp, locale) : "",
        }))
      : [blankLine(defaultTax)],
  };
}

export function toPayload(values: InvoiceFormValues, draft: InvoiceFormDraft | undefined): InvoiceDraftPayload {
  return {
    invoiceId: draft?.id,
    expectedVersion: draft?.version,
    clientId: values.client?.id ?? "",
    currency: values.currency,
    issueDate: values.issueDate,
    dueDate: values.dueDate,
    discount: values.discount,
    notes: values.notes,
    lines: values.lines.map((l) => ({ serviceId: l.serviceId, description: l.description, quantity: l.quantity, unitPrice: l.unitPrice, taxRate: l.taxRate })),
  };
}

/**
 * The form's resolver: the action's own schema, loaded on first use
 * (invoice-form-resolver.ts), so zod doesn't come with the editor's page.
 * `preload` starts the download (the form calls it when focus or the pointer
 * reaches it); the first save waits for it if it hasn't arrived. If it can't
 * load, the save goes to the server, which checks the same schema.
 */
export function invoiceFormResolver(locale: string, draft: InvoiceFormDraft | undefined) {
  let loaded: Promise<Resolver<InvoiceFormValues, unknown, InvoiceDraftPayload> | null> | null = null;
  const preload = () =>
    (loaded ??= import("./invoice-form-resolver").then(
      (m) => m.draftResolver(locale, draft),
      () => null,
    ));
  const resolver: Resolver<InvoiceFormValues, unknown, InvoiceDraftPayload> = async (values, context, options) => {
    const check = await preload();
    return check ? check(values, context, options) : { values: toPayload(values, draft), errors: {} };
  };
  return { resolver, preload };
}

/** The form library's nested errors as the flat "lines.0.unitPrice" map the fields read (an array's own error sits under its name). */
export function flatErrors(errors: FormErrors | Record<string, unknown>, prefix = ""): FieldErrors {
  const out: FieldErrors = {};
  for (const [key, value] of Object.entries(errors)) {
    if (!value || typeof value !== "object" || key === "ref") continue;
    const path = key === "root" ? prefix.replace(/\.$/, "") : `${prefix}${key}`;
    const message = (value as FieldError).message;
    if (typeof message === "string" && message) out[path] = [message];
    Object.assign(out, flatErrors(value as Record<string, unknown>, `${path}.`));
  }
  return out;
}

export type LiveTotals = { subtotalMinor: number; taxMinor: number; discountMinor: number; totalMinor: number; perLine: (LineTotals | null)[] };

/** Live totals with lib/money: a line that doesn't read yet, or is too large to hold, counts as nothing until it is fixed; saving says why. */
export function liveTotals(lines: LineValues[], discount: string, currency: string, locale: string): LiveTotals {
  const parsed = lines.map((l) => {
    const q = parseQuantity(l.quantity, locale);
    const p = parseMoney(l.unitPrice || "0", currency, locale);
    const r = l.taxRate.trim() ? parseRate(l.taxRate, locale) : ({ ok: true, bp: 0 } as const);
    return q.ok && p.ok && p.minor >= 0 && r.ok ? { quantityMilli: q.milli, unitPriceMinor: p.minor, taxRateBp: r.bp } : null;
  });
  const d = discount.trim() ? parseMoney(discount, currency, locale) : ({ ok: true, minor: 0 } as const);
  const lineInputs = parsed.map((p) => p ?? { quantityMilli: 0, unitPriceMinor: 0, taxRateBp: 0 });
  let checked = checkInvoiceTotals(lineInputs, d.ok ? d.minor : 0);
  while (!checked.ok && checked.line !== null) {
    lineInputs[checked.line] = { quantityMilli: 0, unitPriceMinor: 0, taxRateBp: 0 };
    parsed[checked.line] = null;
    checked = checkInvoiceTotals(lineInputs, d.ok ? d.minor : 0);
  }
  const result = checked.ok ? checked.totals : { subtotalMinor: 0, taxMinor: 0, discountMinor: 0, totalMinor: 0, lines: lineInputs.map(() => ({ lineTotalMinor: 0, taxMinor: 0 })) };
  return { ...result, perLine: parsed.map((p, i) => (p ? result.lines[i]! : null)) };
}
