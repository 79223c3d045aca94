"use client";

import { Plus } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useMemo, useState, useTransition } from "react";
import { CurrencySelect } from "@/components/forms/currency-select";
import { FormAlert } from "@/components/forms/form-alert";
import { Button } from "@/components/ui/button";
import { FormField, fieldA11y } from "@/components/ui/form-field";
import { AmountInput } from "@/components/forms/amount-input";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { toast } from "@/components/ui/toast";
import { issueInvoice } from "@/lib/actions/invoices/issue-invoice";
import { saveInvoiceDraft } from "@/lib/actions/invoices/save-invoice-draft";
import { addDaysIso, daysBetween } from "@/lib/dates";
import type { CurrencyChoices } from "@/lib/currencies";
import { fieldErrorsFrom, type FieldErrors } from "@/lib/form-state";
import { formatQuantity, parseQuantity } from "@/lib/invoices/quantity";
import { checkInvoiceTotals, formatAmountInput, formatMoney, formatRateInput, parseMoney, parseRate } from "@/lib/money";
import { invoiceDraftSchema, readDraftAmounts } from "@/lib/validation/invoices";
import { ClientPicker, type ClientOption } from "./client-picker";
import { InvoiceLineEditor, type LineDraftState, type ServiceOption } from "./invoice-line-editor";

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

type Props = {
  area: string;
  services: ServiceOption[];
  /** locale: the business's, in which amounts, quantities and rates are typed and shown. */
  defaults: { currency: string; taxRateBp: number; dueDays: number; today: string; locale: string };
  currencies: CurrencyChoices;
  client: ClientOption | null;
  /** Present when editing a draft. */
  draft?: InvoiceFormDraft;
};

const TERMS = [0, 7, 14, 30, 60];
let keySeq = 0;
const newKey = () => `l${++keySeq}`;

/**
 * One form for a new invoice and for editing a draft. Totals are worked out
 * live with lib/money as lines change; the server recomputes them on save.
 */
export function InvoiceForm({ area, services, defaults, currencies, client: initialClient, draft }: Props) {
  const router = useRouter();
  const { locale } = defaults;
  const [pending, startTransition] = useTransition();
  const [client, setClient] = useState<ClientOption | null>(draft?.client ?? initialClient);
  const [currency, setCurrency] = useState(draft?.currency ?? defaults.currency);
  const [issueDate, setIssueDate] = useState(draft?.issueDate ?? defaults.today);
  const initialTerms = draft ? daysBetween(draft.issueDate, draft.dueDate) : defaults.dueDays;
  const [terms, setTerms] = useState<string>(TERMS.includes(initialTerms) || initialTerms === defaults.dueDays ? String(initialTerms) : "custom");
  const [dueDate, setDueDate] = useState(draft?.dueDate ?? addDaysIso(defaults.today, defaults.dueDays));
  const [discount, setDiscount] = useState(draft && draft.discountMinor > 0 ? formatAmountInput(draft.discountMinor, draft.currency, locale) : "");
  const [notes, setNotes] = useState(draft?.notes ?? "");
  const defaultTax = defaults.taxRateBp ? formatRateInput(defaults.taxRateBp, locale) : "";
  const blankLine = (): LineDraftState => ({ key: newKey(), serviceId: "", description: "", quantity: "1", unitPrice: "", taxRate: defaultTax });
  const [lines, setLines] = useState<LineDraftState[]>(() =>
    draft
      ? draft.lines.map((l) => ({
          key: newKey(),
          serviceId: l.serviceId ? String(l.serviceId) : "",
          description: l.description,
          quantity: formatQuantity(l.quantityMilli, locale),
          unitPrice: formatAmountInput(l.unitPriceMinor, draft.currency, locale),
          taxRate: l.taxRateBp ? formatRateInput(l.taxRateBp, locale) : "",
        }))
      : [blankLine()],
  );
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);

  const termOptions = [...new Set([...TERMS, defaults.dueDays])].sort((a, b) => a - b);

  // Live totals: a line that doesn't parse yet counts as nothing.
  const totals = useMemo(() => {
    const parsed = lines.map((l) => {
      const q = parseQuantity(l.quantity, locale);
      const p = parseMoney(l.unitPrice || "0", currency, locale);
      const r = l.taxRate.trim() ? parseRate(l.taxRate, locale) : ({ ok: true, bp: 0 } as const);
      return q.ok && p.ok && p.minor >= 0 && r.ok ? { quantityMilli: q.milli, unitPriceMinor: p.minor, taxRateBp: r.bp } : null;
    });
    const d = discount.trim() ? parseMoney(discount, currency, locale) : ({ ok: true, minor: 0 } as const);
    const lineInputs = parsed.map((p) => p ?? { quantityMilli: 0, unitPriceMinor: 0, taxRateBp: 0 });
    // Too large to hold: the line (or the whole invoice) counts as nothing until it is fixed; saving says why.
    let checked = checkInvoiceTotals(lineInputs, d.ok ? d.minor : 0);
    while (!checked.ok && checked.line !== null) {
      lineInputs[checked.line] = { quantityMilli: 0, unitPriceMinor: 0, taxRateBp: 0 };
      parsed[checked.line] = null;
      checked = checkInvoiceTotals(lineInputs, d.ok ? d.minor : 0);
    }
    const result = checked.ok ? checked.totals : { subtotalMinor: 0, taxMinor: 0, discountMinor: 0, totalMinor: 0, lines: lineInputs.map(() => ({ lineTotalMinor: 0, taxMinor: 0 })) };
    return { ...result, perLine: parsed.map((p, i) => (p ? result.lines[i]! : null)) };
  }, [lines, discount, currency, locale]);

  // The invoice bills in the client's currency unless the person picks another after choosing the client.
  function pickClient(option: ClientOption) {
    setClient(option);
    setCurrency(option.currency);
  }

  function changeIssueDate(value: string) {
    setIssueDate(value);
    if (terms !== "custom" && value) setDueDate(addDaysIso(value, Number(terms)));
  }

  function changeTerms(value: string) {
    setTerms(value);
    if (value !== "custom" && issueDate) setDueDate(addDaysIso(issueDate, Number(value)));
  }

  const updateLine = (key: string, patch: Partial<LineDraftState>) => setLines((prev) => prev.map((l) => (l.key === key ? { ...l, ...patch } : l)));

  function submit(issue: boolean) {
    const payload = {
      invoiceId: draft?.id,
      expectedVersion: draft?.version,
      clientId: client?.id ?? "",
      currency,
      issueDate,
      dueDate,
      discount,
      notes,
      lines: lines.map((l) => ({ serviceId: l.serviceId, description: l.description, quantity: l.quantity, unitPrice: l.unitPrice, taxRate: l.taxRate })),
    };
    const checked = invoiceDraftSchema(locale).safeParse(payload);
    if (!checked.success) {
      // Zod stops before the amounts when other fields fail; read them too, so every error shows at once.
      const amountIssues = readDraftAmounts({ currency, discount, lines: payload.lines }, locale).issues;
      setErrors({ ...fieldErrorsFrom({ issues: amountIssues }), ...fieldErrorsFrom(checked.error) });
      setFormError("Check the highlighted fields.");
      requestAnimationFrame(() => document.querySelector<HTMLElement>("[aria-invalid='true']")?.focus());
      return;
    }
    startTransition(async () => {
      const saved = await saveInvoiceDraft(undefined, payload);
      if (!saved.ok) {
        setErrors(saved.fieldErrors);
        setFormError(saved.formError);
        return;
      }
      setErrors({});
      setFormError(null);
      const id = saved.data!.id;
      if (issue) {
        const issued = await issueInvoice(undefined, { invoiceId: id });
        if (!issued.ok) {
          toast({ title: "Draft saved, but it couldn't be issued", description: issued.formError ?? undefined, variant: "destructive" });
          router.push(`${area}/invoices/${id}`);
          return;
        }
        toast({ title: `Invoice ${issued.data!.number} issued`, variant: "success" });
      } else {
        toast({ title: draft ? "Draft saved" : "Draft created", variant: "success" });
      }
      router.push(`${area}/invoices/${id}`);
      router.refresh();
    });
  }

  const money = (minor: number) => formatMoney(minor, currency, locale);
  return (
    <form
      noValidate
      className="grid gap-6"
      onSubmit={(e) => {
        e.preventDefault();
        submit(false);
      }}
    >
      <FormAlert message={formError} />
      <div className="grid gap-5 md:grid-cols-2 lg:grid-cols-4">
        <FormField className="content-start md:col-span-2" id="clientId" label="Client" required error={errors.clientId}>
          <ClientPicker id="clientId" value={client} onChange={pickClient} invalid={Boolean(errors.clientId)} describedBy={fieldA11y("clientId", errors.clientId)["aria-describedby"]} />
        </FormField>
        <FormField className="content-start" id="currency" label="Currency" error={errors.currency}>
          <CurrencySelect {...fieldA11y("currency", errors.currency)} choices={currencies} value={currency} onChange={(e) => setCurrency(e.target.value)} />
        </FormField>
        <div className="hidden lg:block" />
        <FormField className="content-start" id="issueDate" label="Issue date" required error={errors.issueDate}>
          <Input {...fieldA11y("issueDate", errors.issueDate)} type="date" value={issueDate} onChange={(e) => changeIssueDate(e.target.value)} />
        </FormField>
        <FormField className="content-start" id="terms" label="Payment terms">
          <Select id="terms" value={terms} onChange={(e) => changeTerms(e.target.value)}>
            {termOptions.map((d) => (
              <option key={d} value={d}>
                {d === 0 ? "Due on receipt" : `Net ${d} days`}
                {d === defaults.dueDays ? " (default)" : ""}
              </option>
            ))}
            <option value="custom">Custom due date</option>
          </Select>
        </FormField>
        <FormField className="content-start" id="dueDate" label="Due date" required error={errors.dueDate}>
          <Input
            {...fieldA11y("dueDate", errors.dueDate)}
            type="date"
            value={dueDate}
            onChange={(e) => {
              setDueDate(e.target.value);
              setTerms("custom");
            }}
          />
        </FormField>
      </div>

      <fieldset className="grid gap-3">
        <legend className="mb-2 text-base font-semibold">Lines</legend>
        <div aria-hidden="true" className="hidden gap-2 px-0 text-xs font-medium uppercase tracking-wide text-muted-foreground md:grid md:grid-cols-[minmax(0,1fr)_5.5rem_8rem_5.5rem_7.5rem_2.5rem]">
          <span>Service or description</span>
          <span className="text-right">Qty</span>
          <span className="text-right">Unit price</span>
          <span className="text-right">Tax %</span>
          <span className="text-right">Amount</span>
          <span />
        </div>
        {errors.lines && <p className="text-sm text-destructive">{errors.lines[0]}</p>}
        <ol className="grid gap-3">
          {lines.map((line, i) => (
            <InvoiceLineEditor
              key={line.key}
              index={i}
              line={line}
              totals={totals.perLine[i] ?? null}
              currency={currency}
              locale={locale}
              services={services}
              errors={errors}
              canRemove={lines.length > 1}
              onChange={(patch) => updateLine(line.key, patch)}
              onPickService={(s) =>
                updateLine(
                  line.key,
                  // A price in another currency is never carried over as if it were in this one: the line keeps what was typed.
                  s ? { serviceId: String(s.id), description: s.name, unitPrice: s.currency === currency ? formatAmountInput(s.priceMinor, currency, locale) : line.unitPrice, taxRate: line.taxRate || defaultTax } : { serviceId: "" },
                )
              }
              onRemove={() => setLines((prev) => prev.filter((l) => l.key !== line.key))}
            />
          ))}
        </ol>
        <div>
          <Button type="button" variant="outline" size="sm" onClick={() => setLines((prev) => [...prev, blankLine()])} disabled={lines.length >= 500}>
            <Plus aria-hidden="true" />
            Add line
          </Button>
        </div>
      </fieldset>

      <div className="grid gap-6 md:grid-cols-[minmax(0,1fr)_20rem]">
        <FormField className="content-start" id="notes" label="Notes" error={errors.notes} hint="Shown on the invoice, e.g. a PO number or a thank-you.">
          <Textarea {...fieldA11y("notes", errors.notes, true)} value={notes} onChange={(e) => setNotes(e.target.value)} rows={4} maxLength={5000} />
        </FormField>
        <div className="grid content-start gap-3">
          <FormField id="discount" label={`Discount (${currency})`} error={errors.discount} hint="Taken off before tax.">
            <AmountInput {...fieldA11y("discount", errors.discount, true)} value={discount} onChange={(e) => setDiscount(e.target.value)} onValueChange={setDiscount} currency={currency} locale={locale} placeholder={formatAmountInput(0, currency, locale)} className="text-right" />
          </FormField>
          <dl className="grid gap-1.5 rounded-md border bg-muted/40 p-4 text-sm" aria-live="polite" aria-label="Totals">
            <div className="flex justify-between">
              <dt className="text-muted-foreground">Subtotal</dt>
              <dd className="tabular-nums">{money(totals.subtotalMinor)}</dd>
            </div>
            {totals.discountMinor > 0 && (
              <div className="flex justify-between">
                <dt className="text-muted-foreground">Discount</dt>
                <dd className="tabular-nums">−{money(totals.discountMinor)}</dd>
              </div>
            )}
            <div className="flex justify-between">
              <dt className="text-muted-foreground">Tax</dt>
              <dd className="tabular-nums">{money(totals.taxMinor)}</dd>
            </div>
            <div className="mt-1 flex justify-between border-t pt-2 text-base font-semibold">
              <dt>Total</dt>
              <dd className="tabular-nums">{money(totals.totalMinor)}</dd>
            </div>
          </dl>
        </div>
      </div>

      <div className="flex flex-col-reverse gap-2 border-t pt-4 sm:flex-row sm:justify-end">
        <Button variant="ghost" asChild>
          <Link href={draft ? `${area}/invoices/${draft.id}` : `${area}/invoices`}>Cancel</Link>
        </Button>
        <Button type="submit" variant="outline" pending={pending}>
          Save draft
        </Button>
        <Button type="button" pending={pending} onClick={() => submit(true)}>
          Save and issue
        </Button>
      </div>
    </form>
  );
}
