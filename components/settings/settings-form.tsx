"use client";

import { useRouter } from "next/navigation";
import { FormAlert } from "@/components/forms/form-alert";
import { useValidatedAction } from "@/components/forms/use-validated-action";
import { Button } from "@/components/ui/button";
import { FormField, fieldA11y } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { toast } from "@/components/ui/toast";
import { updateSettings } from "@/lib/actions/settings/update-settings";
import { currencyOptions } from "@/lib/currencies";
import { INSTRUCTIONS_MAX, settingsSchema } from "@/lib/validation/settings";

export type SettingsValues = {
  companyName: string;
  companyAddress: string;
  defaultCurrency: string;
  taxRate: string;
  invoicePrefix: string;
  dueDays: number;
  senderName: string;
  /** Decimal text in the default currency, from lib/money's toDecimalString. */
  minPayment: string;
  bankInstructions: string;
  cashInstructions: string;
};

/** Company settings that feed invoices, PDFs and emails. */
export function SettingsForm({ settings }: { settings: SettingsValues }) {
  const router = useRouter();
  const { formAction, pending, onSubmit, errors, formError, values } = useValidatedAction(updateSettings, settingsSchema, () => {
    toast({ title: "Settings saved", description: "New invoices and emails use them from now on.", variant: "success" });
    router.refresh();
  });
  const v = (key: keyof SettingsValues) => values?.[key] ?? String(settings[key]);
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="grid max-w-2xl gap-8">
      <FormAlert message={formError} />
      <fieldset className="grid gap-4">
        <legend className="mb-1 text-base font-semibold">Company</legend>
        <FormField className="content-start" id="companyName" label="Company name" required error={errors.companyName} hint="On invoices, PDFs and at the top of every email.">
          <Input {...fieldA11y("companyName", errors.companyName, true)} name="companyName" defaultValue={v("companyName")} maxLength={160} autoComplete="organization" />
        </FormField>
        <FormField className="content-start" id="companyAddress" label="Address" error={errors.companyAddress} hint="Printed on invoices and in email footers.">
          <Textarea {...fieldA11y("companyAddress", errors.companyAddress, true)} name="companyAddress" rows={3} defaultValue={v("companyAddress")} maxLength={500} />
        </FormField>
        <FormField className="content-start" id="senderName" label="Sender name" required error={errors.senderName} hint="The name emails come from, like “Acme Billing”.">
          <Input {...fieldA11y("senderName", errors.senderName, true)} name="senderName" defaultValue={v("senderName")} maxLength={120} />
        </FormField>
      </fieldset>
      <fieldset className="grid gap-4">
        <legend className="mb-1 text-base font-semibold">Invoices</legend>
        <div className="grid gap-4 sm:grid-cols-2">
          <FormField className="content-start" id="defaultCurrency" label="Default currency" error={errors.defaultCurrency} hint="For new services and invoices.">
            <Select {...fieldA11y("defaultCurrency", errors.defaultCurrency, true)} name="defaultCurrency" defaultValue={v("defaultCurrency")}>
              {currencyOptions(settings.defaultCurrency).map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </Select>
          </FormField>
          <FormField className="content-start" id="taxRate" label="Tax rate (%)" error={errors.taxRate} hint="Applied to new invoice lines, like 8 or 12.5.">
            <Input {...fieldA11y("taxRate", errors.taxRate, true)} name="taxRate" inputMode="decimal" defaultValue={v("taxRate")} />
          </FormField>
          <FormField className="content-start" id="invoicePrefix" label="Invoice number prefix" error={errors.invoicePrefix} hint="Numbers look like PREFIX-2026-0042.">
            <Input {...fieldA11y("invoicePrefix", errors.invoicePrefix, true)} name="invoicePrefix" defaultValue={v("invoicePrefix")} maxLength={12} className="uppercase" />
          </FormField>
          <FormField className="content-start" id="dueDays" label="Payment terms (days)" error={errors.dueDays} hint="How long after the issue date an invoice is due.">
            <Input {...fieldA11y("dueDays", errors.dueDays, true)} name="dueDays" type="number" inputMode="numeric" min={0} max={365} defaultValue={v("dueDays")} />
          </FormField>
        </div>
      </fieldset>
      <fieldset className="grid gap-4">
        <legend className="mb-1 text-base font-semibold">Client payments</legend>
        <div className="grid gap-4 sm:grid-cols-2">
          <FormField
            className="content-start"
            id="minPayment"
            label="Smallest part payment"
            required
            error={errors.minPayment}
            hint={`In the default currency (${settings.defaultCurrency}). Clients may pay less only to clear the whole balance.`}
          >
            <Input {...fieldA11y("minPayment", errors.minPayment, true)} name="minPayment" inputMode="decimal" defaultValue={v("minPayment")} />
          </FormField>
        </div>
        <FormField
          className="content-start"
          id="bankInstructions"
          label="Bank transfer instructions"
          error={errors.bankInstructions}
          hint="Shown in the portal’s pay form when a client picks bank transfer, and on unpaid invoices and their PDFs."
        >
          <Textarea {...fieldA11y("bankInstructions", errors.bankInstructions, true)} name="bankInstructions" rows={5} defaultValue={v("bankInstructions")} maxLength={INSTRUCTIONS_MAX} />
        </FormField>
        <FormField
          className="content-start"
          id="cashInstructions"
          label="Cash instructions"
          error={errors.cashInstructions}
          hint="Shown in the portal’s pay form when a client picks cash, and on unpaid invoices and their PDFs."
        >
          <Textarea {...fieldA11y("cashInstructions", errors.cashInstructions, true)} name="cashInstructions" rows={5} defaultValue={v("cashInstructions")} maxLength={INSTRUCTIONS_MAX} />
        </FormField>
      </fieldset>
      <div>
        <Button type="submit" pending={pending}>
          Save settings
        </Button>
      </div>
    </form>
  );
}
