"use client";

import { useRouter } from "next/navigation";
import { AmountInput } from "@/components/forms/amount-input";
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
import { formatRateInput } from "@/lib/money";
import { INSTRUCTIONS_MAX } from "@/lib/validation/choices";

const settingsSchema = (savedLocale: string) => () => import("@/lib/validation/settings").then((m) => m.settingsSchema(savedLocale));

export type SettingsValues = {
  companyName: string;
  companyAddress: string;
  defaultCurrency: string;
  locale: string;
  timeZone: string;
  /** A rate as typed in the saved locale ("12.5" or "12,5"). */
  taxRate: string;
  invoicePrefix: string;
  dueDays: number;
  senderName: string;
  /** The amount in the default currency as typed in the saved locale, from lib/money's formatAmountInput. */
  minPayment: string;
  bankInstructions: string;
  cashInstructions: string;
};

type Props = {
  settings: SettingsValues;
  /** The locale saved now: the rate and amount on this form are typed in it until a new one is saved. */
  savedLocale: string;
  savedTimeZone: string;
  /** The admin's browser zone, offered while no one has saved a zone yet (the stored one is the default, UTC). */
  suggestedZone: string | null;
  locales: { value: string; label: string }[];
  timeZones: { region: string; zones: string[] }[];
};

/** Company settings that feed invoices, PDFs and emails. */
export function SettingsForm({ settings, savedLocale, savedTimeZone, suggestedZone, locales, timeZones }: Props) {
  const router = useRouter();
  const { form, pending, errors, formError, values } = useValidatedAction(updateSettings, settingsSchema(savedLocale), () => {
    toast({ title: "Settings saved", description: "New invoices and emails use them from now on.", variant: "success" });
    router.refresh();
  });
  const v = (key: keyof SettingsValues) => values?.[key] ?? String(settings[key]);
  return (
    <form {...form} className="grid max-w-2xl gap-8">
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
        <legend className="mb-1 text-base font-semibold">Region</legend>
        <div className="grid gap-4 sm:grid-cols-2">
          <FormField
            className="content-start"
            id="locale"
            label="Business locale"
            error={errors.locale}
            hint="How amounts are typed and shown (1,234.50 or 1.234,50), and numbers and dates on PDFs and emails."
          >
            <Select {...fieldA11y("locale", errors.locale, true)} name="locale" defaultValue={v("locale")}>
              {locales.map((l) => (
                <option key={l.value} value={l.value}>
                  {l.label}
                </option>
              ))}
            </Select>
          </FormField>
          <FormField
            className="content-start"
            id="timeZone"
            label="Time zone"
            error={errors.timeZone}
            hint={suggestedZone ? `Suggested from your browser. Until you save, the business runs on ${savedTimeZone}.` : "Decides the business's day: today, due dates and overdue."}
          >
            <Select {...fieldA11y("timeZone", errors.timeZone, true)} name="timeZone" defaultValue={v("timeZone")}>
              {timeZones.map((g) => (
                <optgroup key={g.region} label={g.region}>
                  {g.zones.map((z) => (
                    <option key={z} value={z}>
                      {z.replace(/_/g, " ")}
                    </option>
                  ))}
                </optgroup>
              ))}
            </Select>
          </FormField>
        </div>
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
          <FormField className="content-start" id="taxRate" label="Tax rate (%)" error={errors.taxRate} hint={`Applied to new invoice lines, like 8 or ${formatRateInput(1250, savedLocale)}.`}>
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
            <AmountInput {...fieldA11y("minPayment", errors.minPayment, true)} name="minPayment" currency={settings.defaultCurrency} locale={savedLocale} defaultValue={v("minPayment")} />
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
