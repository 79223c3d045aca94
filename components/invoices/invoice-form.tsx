"use client";

import { useRouter } from "next/navigation";
import { useMemo, useState, useTransition } from "react";
import { useFieldArray, useForm, useWatch, type FieldPath } from "react-hook-form";
import { actionFailureMessage } from "@/components/forms/action-failure";
import { CurrencySelect } from "@/components/forms/currency-select";
import { FormAlert } from "@/components/forms/form-alert";
import { registerWithDefaults } from "@/components/forms/register-with-defaults";
import { useFocusFirstInvalid } from "@/components/forms/use-focus-first-invalid";
import { useHydrated } from "@/components/forms/use-hydrated";
import { Button } from "@/components/ui/button";
import { FormField, fieldA11y } from "@/components/ui/form-field";
import { AmountInput } from "@/components/forms/amount-input";
import { Icon } from "@/components/ui/icon";
import { Input } from "@/components/ui/input";
import { IntentLink } from "@/components/ui/intent-link";
import { Select } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { toast } from "@/components/ui/toast";
import { issueInvoice } from "@/lib/actions/invoices/issue-invoice";
import { saveInvoiceDraft } from "@/lib/actions/invoices/save-invoice-draft";
import { addDaysIso } from "@/lib/dates";
import type { CurrencyChoices } from "@/lib/currencies";
import { formatAmountInput, formatMoney, formatRateInput } from "@/lib/money";
import { ClientPicker, type ClientOption } from "./client-picker";
import {
  blankLine,
  flatErrors,
  initialValues,
  invoiceFormResolver,
  liveTotals,
  TERMS,
  type InvoiceDraftPayload,
  type InvoiceFormDefaults,
  type InvoiceFormDraft,
  type InvoiceFormValues,
} from "./invoice-form-values";
import { InvoiceLineEditor, type ServiceOption } from "./invoice-line-editor";

export type { InvoiceFormDraft } from "./invoice-form-values";

type Props = {
  area: string;
  services: ServiceOption[];
  /** locale: the business's, in which amounts, quantities and rates are typed and shown. */
  defaults: InvoiceFormDefaults;
  currencies: CurrencyChoices;
  client: ClientOption | null;
  /** Present when editing a draft. */
  draft?: InvoiceFormDraft;
};

/**
 * One form for a new invoice and for editing a draft, held by react-hook-form
 * and checked with the action's own zod schema. Totals are worked out live
 * with lib/money as lines change; the server recomputes them on save.
 */
export function InvoiceForm({ area, services, defaults, currencies, client: initialClient, draft }: Props) {
  const router = useRouter();
  const { locale } = defaults;
  const [pending, startTransition] = useTransition();
  const [{ resolver, preload }] = useState(() => invoiceFormResolver(locale, draft));
  const hydrated = useHydrated();
  const {
    control,
    register: registerField,
    handleSubmit,
    setValue,
    getValues,
    setError,
    clearErrors,
    formState,
  } = useForm<InvoiceFormValues, unknown, InvoiceDraftPayload>({
    defaultValues: initialValues(defaults, initialClient, draft),
    resolver,
    mode: "onSubmit",
    // Errors stay until the next save, as the server's do.
    reValidateMode: "onSubmit",
    shouldFocusError: false,
  });
  // Fields show their values in the server's HTML too, before the page hydrates.
  const register = registerWithDefaults(registerField, getValues);
  const { fields, append, remove } = useFieldArray({ control, name: "lines" });
  const [client, currency, lines, discount] = useWatch({ control, name: ["client", "currency", "lines", "discount"] });
  const errors = flatErrors(formState.errors);
  const formError = formState.errors.root?.message ?? null;
  const defaultTax = defaults.taxRateBp ? formatRateInput(defaults.taxRateBp, locale) : "";
  const termOptions = [...new Set([...TERMS, defaults.dueDays])].sort((a, b) => a - b);
  const totals = useMemo(() => liveTotals(lines, discount, currency, locale), [lines, discount, currency, locale]);

  // The invoice bills in the client's currency unless the person picks another after choosing the client.
  // Null when the name was typed over: no client until one is picked, and the currency follows that pick.
  function pickClient(option: ClientOption | null) {
    setValue("client", option);
    if (option) setValue("currency", option.currency);
  }

  function followTerms() {
    const { terms, issueDate } = getValues();
    if (terms !== "custom" && issueDate) setValue("dueDate", addDaysIso(issueDate, Number(terms)));
  }

  function pickService(index: number, service: ServiceOption | null) {
    if (!service) return;
    const line = getValues(`lines.${index}`);
    setValue(`lines.${index}.description`, service.name);
    // A price in another currency is never carried over as if it were in this one: the line keeps what was typed.
    if (service.currency === getValues("currency")) setValue(`lines.${index}.unitPrice`, formatAmountInput(service.priceMinor, service.currency, locale));
    if (!line.taxRate) setValue(`lines.${index}.taxRate`, defaultTax);
  }

  // The check may answer a moment after the click (its schema loads on first use).
  const { ref: formRef, focusFirstInvalid } = useFocusFirstInvalid();

  function showInvalid() {
    setError("root", { message: "Check the highlighted fields." });
    focusFirstInvalid();
  }

  const save = (issue: boolean) =>
    handleSubmit((payload) => {
      startTransition(async () => {
        let saved: Awaited<ReturnType<typeof saveInvoiceDraft>>;
        try {
          saved = await saveInvoiceDraft(undefined, payload);
        } catch (error) {
          // The call itself failed (offline, a deploy): say so above the form, which keeps everything typed.
          // Uncaught, it would reach the area's error.tsx, which replaces the page and the 20 lines with it.
          const message = actionFailureMessage(error);
          startTransition(() => setError("root", { type: "server", message }));
          return;
        }
        // Updates after an await are wrapped again, so `pending` lasts until they are drawn: the buttons stay
        // busy until the invoice's page has replaced the form, and a second press can't save a second draft.
        if (!saved.ok) {
          startTransition(() => {
            // The server's errors are keyed like the payload ("clientId", "lines.0.unitPrice"), which is where the fields read them.
            for (const [path, messages] of Object.entries(saved.fieldErrors)) if (messages?.[0]) setError(path as FieldPath<InvoiceFormValues>, { type: "server", message: messages[0] });
            if (saved.formError) setError("root", { type: "server", message: saved.formError });
          });
          return;
        }
        const { id, version } = saved.data!;
        if (issue) {
          // Issues the version just saved: anyone else's change since then is refused rather than frozen unseen.
          // Whatever stops it, the draft is saved: its page (below) has the Issue button to try again, and this form,
          // now out of date, can't create the draft a second time.
          let refusal: string | null;
          try {
            const issued = await issueInvoice(undefined, { invoiceId: id, expectedVersion: version });
            refusal = issued.ok ? null : (issued.formError ?? "Try again from the invoice's page.");
            if (issued.ok) toast({ title: `Invoice ${issued.data!.number} issued`, variant: "success" });
          } catch (error) {
            refusal = actionFailureMessage(error);
          }
          if (refusal !== null) toast({ title: `The draft was saved, but it wasn't issued: ${refusal}`, variant: "destructive" });
        } else {
          toast({ title: draft ? "Draft saved" : "Draft created", variant: "success" });
        }
        startTransition(() => {
          clearErrors();
          router.push(`${area}/invoices/${id}`);
          router.refresh();
        });
      });
    }, showInvalid);

  const money = (minor: number) => formatMoney(minor, currency, locale);
  return (
    <form ref={formRef} noValidate className="grid gap-6" onSubmit={(e) => void save(false)(e)} onFocus={() => void preload()} onPointerEnter={() => void preload()}>
      <FormAlert message={formError} />
      <div className="grid gap-5 md:grid-cols-2 lg:grid-cols-4">
        <FormField className="content-start md:col-span-2" id="clientId" label="Client" required error={errors.clientId}>
          <ClientPicker id="clientId" value={client} onChange={pickClient} invalid={Boolean(errors.clientId)} describedBy={fieldA11y("clientId", errors.clientId)["aria-describedby"]} />
        </FormField>
        <FormField className="content-start" id="currency" label="Currency" error={errors.currency}>
          <CurrencySelect {...fieldA11y("currency", errors.currency)} choices={currencies} {...register("currency")} />
        </FormField>
        <div className="hidden lg:block" />
        <FormField className="content-start" id="issueDate" label="Issue date" required error={errors.issueDate}>
          <Input {...fieldA11y("issueDate", errors.issueDate)} type="date" {...register("issueDate", { onChange: followTerms })} />
        </FormField>
        <FormField className="content-start" id="terms" label="Payment terms">
          <Select id="terms" {...register("terms", { onChange: followTerms })}>
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
          <Input {...fieldA11y("dueDate", errors.dueDate)} type="date" {...register("dueDate", { onChange: () => setValue("terms", "custom") })} />
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
          {fields.map((field, i) => (
            <InvoiceLineEditor
              key={field.id}
              index={i}
              fieldKey={field.id}
              register={register}
              totals={totals.perLine[i] ?? null}
              currency={currency}
              locale={locale}
              services={services}
              errors={errors}
              canRemove={fields.length > 1}
              onPickService={(s) => pickService(i, s)}
              onPriceValue={(value) => setValue(`lines.${i}.unitPrice`, value)}
              onRemove={() => remove(i)}
            />
          ))}
        </ol>
        <div>
          <Button type="button" variant="outline" size="sm" onClick={() => append(blankLine(defaultTax), { shouldFocus: false })} disabled={fields.length >= 500}>
            <Icon name="plus" aria-hidden="true" />
            Add line
          </Button>
        </div>
      </fieldset>

      <div className="grid gap-6 md:grid-cols-[minmax(0,1fr)_20rem]">
        <FormField className="content-start" id="notes" label="Notes" error={errors.notes} hint="Shown on the invoice, e.g. a PO number or a thank-you.">
          <Textarea {...fieldA11y("notes", errors.notes, true)} {...register("notes")} rows={4} maxLength={5000} />
        </FormField>
        <div className="grid content-start gap-3">
          <FormField id="discount" label={`Discount (${currency})`} error={errors.discount} hint="Taken off before tax.">
            <AmountInput
              {...fieldA11y("discount", errors.discount, true)}
              {...register("discount")}
              onValueChange={(value) => setValue("discount", value)}
              currency={currency}
              locale={locale}
              placeholder={formatAmountInput(0, currency, locale)}
              className="text-right"
            />
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
          <IntentLink href={draft ? `${area}/invoices/${draft.id}` : `${area}/invoices`}>Cancel</IntentLink>
        </Button>
        {/* Until the page hydrates, a click would submit the form as a plain GET and the fields' values would land in the URL. */}
        <Button type="submit" variant="outline" pending={pending} disabled={!hydrated}>
          Save draft
        </Button>
        <Button type="button" pending={pending} disabled={!hydrated} onClick={() => void save(true)()}>
          Save and issue
        </Button>
      </div>
    </form>
  );
}
