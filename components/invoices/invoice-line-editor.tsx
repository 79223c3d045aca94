"use client";

import { Button } from "@/components/ui/button";
import { fieldA11y } from "@/components/ui/form-field";
import { AmountInput } from "@/components/forms/amount-input";
import { Icon } from "@/components/ui/icon";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";
import type { RegisterWithDefault } from "@/components/forms/register-with-defaults";
import type { FieldErrors } from "@/lib/form-state";
import { formatAmountInput, formatMoney, type LineTotals } from "@/lib/money";
import type { InvoiceFormValues } from "./invoice-form-values";

export type ServiceOption = { id: number; name: string; priceMinor: number; currency: string; active: boolean };

type Props = {
  index: number;
  /** The line's stable key from the field array, for element ids. */
  fieldKey: string;
  register: RegisterWithDefault<InvoiceFormValues>;
  totals: LineTotals | null;
  currency: string;
  locale: string;
  services: ServiceOption[];
  errors: FieldErrors;
  canRemove: boolean;
  onPickService: (service: ServiceOption | null) => void;
  /** The unit price as AmountInput rewrites it on blur. */
  onPriceValue: (value: string) => void;
  onRemove: () => void;
};

function Error({ id, messages }: { id: string; messages: string[] | undefined }) {
  return messages?.[0] ? (
    <p id={`${id}-error`} className="text-xs text-destructive">
      {messages[0]}
    </p>
  ) : null;
}

/** A short visible label on phones (the row header names the column on wider screens); screen readers hear the full name. */
function ShortLabel({ htmlFor, visible, full }: { htmlFor: string; visible: string; full: string }) {
  return (
    <Label htmlFor={htmlFor} className="md:sr-only">
      <span aria-hidden="true">{visible}</span>
      <span className="sr-only">{full}</span>
    </Label>
  );
}

/** One invoice line: from a service or typed, with its own errors next to each field. */
export function InvoiceLineEditor({ index, fieldKey, register, totals, currency, locale, services, errors, canRemove, onPickService, onPriceValue, onRemove }: Props) {
  const base = `lines.${index}` as const;
  const err = (field: string) => errors[`${base}.${field}`];
  const ids = {
    service: `line-${fieldKey}-service`,
    description: `line-${fieldKey}-description`,
    quantity: `line-${fieldKey}-quantity`,
    unitPrice: `line-${fieldKey}-price`,
    taxRate: `line-${fieldKey}-tax`,
  };
  const n = index + 1;
  return (
    <li className="grid gap-3 rounded-md border p-3 md:grid-cols-[minmax(0,1fr)_5.5rem_8rem_5.5rem_7.5rem_2.5rem] md:items-start md:gap-2 md:border-0 md:p-0">
      <div className="grid gap-1.5">
        <Label htmlFor={ids.description} className="md:sr-only">
          Line {n}
          <span className="sr-only"> description</span>
        </Label>
        <div className="flex flex-col gap-2 sm:flex-row">
          <Select
            id={ids.service}
            aria-label={`Line ${n}: pick a service`}
            {...register(`${base}.serviceId`, { onChange: (e) => onPickService(services.find((s) => String(s.id) === e.target.value) ?? null) })}
            wrapperClassName="sm:w-44 sm:shrink-0"
          >
            <option value="">Typed line</option>
            {services.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
                {s.currency === currency ? "" : ` (priced in ${s.currency})`}
                {s.active ? "" : " (off sale)"}
              </option>
            ))}
          </Select>
          <Input {...fieldA11y(ids.description, err("description"))} {...register(`${base}.description`)} maxLength={500} placeholder="What you did or sold" />
        </div>
        <Error id={ids.description} messages={err("description")} />
      </div>
      <div className="grid grid-cols-3 gap-2 md:contents">
        <div className="grid gap-1.5">
          <ShortLabel htmlFor={ids.quantity} visible="Qty" full={`Line ${n} quantity`} />
          <Input {...fieldA11y(ids.quantity, err("quantity"))} {...register(`${base}.quantity`)} inputMode="decimal" className="text-right tabular-nums" />
          <Error id={ids.quantity} messages={err("quantity")} />
        </div>
        <div className="grid gap-1.5">
          <ShortLabel htmlFor={ids.unitPrice} visible="Unit price" full={`Line ${n} unit price (${currency})`} />
          <AmountInput
            {...fieldA11y(ids.unitPrice, err("unitPrice"))}
            {...register(`${base}.unitPrice`)}
            onValueChange={onPriceValue}
            currency={currency}
            locale={locale}
            className="text-right"
            placeholder={formatAmountInput(0, currency, locale)}
          />
          <Error id={ids.unitPrice} messages={err("unitPrice")} />
        </div>
        <div className="grid gap-1.5">
          <ShortLabel htmlFor={ids.taxRate} visible="Tax %" full={`Line ${n} tax %`} />
          <Input {...fieldA11y(ids.taxRate, err("taxRate"))} {...register(`${base}.taxRate`)} inputMode="decimal" className="text-right tabular-nums" placeholder="0" />
          <Error id={ids.taxRate} messages={err("taxRate")} />
        </div>
      </div>
      <div className="flex items-center justify-between gap-2 md:contents">
        <p className="text-sm tabular-nums md:flex md:h-10 md:items-center md:justify-end" aria-label={`Line ${n} amount`}>
          <span className="mr-2 text-muted-foreground md:hidden">Amount</span>
          {totals ? formatMoney(totals.lineTotalMinor, currency, locale) : "—"}
        </p>
        <Button type="button" variant="ghost" size="icon" onClick={onRemove} disabled={!canRemove} aria-label={`Remove line ${n}`}>
          <Icon name="trash" aria-hidden="true" />
        </Button>
      </div>
    </li>
  );
}
