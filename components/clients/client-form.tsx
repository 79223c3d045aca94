"use client";

import { useRouter } from "next/navigation";
import { CurrencySelect } from "@/components/forms/currency-select";
import { FormAlert } from "@/components/forms/form-alert";
import { PhoneInput } from "@/components/forms/phone-input";
import { useValidatedAction } from "@/components/forms/use-validated-action";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { FormField, fieldA11y } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { IntentLink } from "@/components/ui/intent-link";
import { Label } from "@/components/ui/label";
import { Textarea } from "@/components/ui/textarea";
import { toast } from "@/components/ui/toast";
import { createClient } from "@/lib/actions/clients/create-client";
import { updateClient } from "@/lib/actions/clients/update-client";
import type { CurrencyChoices } from "@/lib/currencies";
import type { PhoneField } from "@/lib/phone-regions";

const clientSchema = () => import("@/lib/validation/clients").then((m) => m.clientSchema);
const updateClientSchema = () => import("@/lib/validation/clients").then((m) => m.updateClientSchema);

export type ClientFormValues = {
  id: number;
  name: string;
  company: string | null;
  email: string | null;
  /** Split on the server (lib/phone phoneField). */
  phone: PhoneField;
  address: string | null;
  notes: string | null;
  smsOptIn: boolean;
  currency: string;
};

/**
 * One form for creating and editing a client; `client` makes it an edit. A
 * new client bills in `defaultCurrency` (the business's) unless another is picked.
 */
export function ClientForm({ area, client, currencies, defaultCurrency }: { area: string; client?: ClientFormValues; currencies: CurrencyChoices; defaultCurrency: string }) {
  const router = useRouter();
  const editing = Boolean(client);
  const { form, pending, errors, formError, values } = useValidatedAction(editing ? updateClient : createClient, editing ? updateClientSchema : clientSchema, (state) => {
    const id = (state.data as { id: number } | undefined)?.id ?? client?.id;
    toast({ title: editing ? "Client saved" : "Client created", variant: "success" });
    router.push(`${area}/clients/${id}`);
  });
  // After a refused submit, show what was typed rather than the stored values.
  const v = (key: keyof ClientFormValues) => values?.[key] ?? (client?.[key] as string | null | undefined) ?? "";

  return (
    <form {...form} className="grid max-w-2xl gap-5">
      {client && <input type="hidden" name="id" value={client.id} />}
      <FormAlert message={formError} />
      <div className="grid gap-5 sm:grid-cols-2">
        <FormField className="content-start" id="name" label="Name" required error={errors.name}>
          <Input {...fieldA11y("name", errors.name)} name="name" defaultValue={v("name")} autoComplete="off" required maxLength={160} />
        </FormField>
        <FormField className="content-start" id="company" label="Company" error={errors.company}>
          <Input {...fieldA11y("company", errors.company)} name="company" defaultValue={v("company")} autoComplete="off" maxLength={160} />
        </FormField>
        <FormField className="content-start" id="email" label="Email" error={errors.email}>
          <Input {...fieldA11y("email", errors.email)} name="email" type="email" inputMode="email" defaultValue={v("email")} autoComplete="off" />
        </FormField>
        <FormField className="content-start" id="phone" label="Mobile phone" error={errors.phone} hint="Pick the country, then type the number as you'd say it.">
          <PhoneInput id="phone" name="phone" stored={client?.phone} returned={values} invalid={Boolean(errors.phone)} describedBy={fieldA11y("phone", errors.phone, true)["aria-describedby"]} />
        </FormField>
      </div>
      <FormField
        className="content-start sm:max-w-[calc(50%-0.625rem)]"
        id="currency"
        label="Billing currency"
        error={errors.currency}
        hint={client ? "New invoices and subscriptions use it. Existing invoices keep their own currency." : "New invoices and subscriptions for this client use it."}
      >
        <CurrencySelect {...fieldA11y("currency", errors.currency, true)} name="currency" choices={currencies} defaultValue={values?.currency ?? client?.currency ?? defaultCurrency} />
      </FormField>
      <FormField className="content-start" id="address" label="Address" error={errors.address}>
        <Textarea {...fieldA11y("address", errors.address)} name="address" rows={3} defaultValue={v("address")} maxLength={500} />
      </FormField>
      <FormField className="content-start" id="notes" label="Notes" error={errors.notes} hint="Only admins and staff see notes.">
        <Textarea {...fieldA11y("notes", errors.notes, true)} name="notes" rows={4} defaultValue={v("notes")} maxLength={5000} />
      </FormField>
      <div className="flex items-start gap-3 rounded-md border p-4">
        <Checkbox id="smsOptIn" name="smsOptIn" defaultChecked={values ? values.smsOptIn === "on" : client?.smsOptIn} aria-describedby="smsOptIn-hint" className="mt-0.5" />
        <div className="grid gap-1">
          <Label htmlFor="smsOptIn">The client agreed to receive text messages</Label>
          <p id="smsOptIn-hint" className="text-sm text-muted-foreground">
            Payment reminders and new-service announcements go by SMS only to clients who agreed and have a mobile number. Tick this only with their consent.
          </p>
        </div>
      </div>
      <div className="flex flex-col-reverse gap-2 sm:flex-row">
        <Button type="submit" pending={pending}>
          {editing ? "Save changes" : "Create client"}
        </Button>
        <Button variant="outline" asChild>
          <IntentLink href={client ? `${area}/clients/${client.id}` : `${area}/clients`}>Cancel</IntentLink>
        </Button>
      </div>
    </form>
  );
}
