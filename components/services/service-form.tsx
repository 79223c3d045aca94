"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { CurrencySelect } from "@/components/forms/currency-select";
import { AmountInput } from "@/components/forms/amount-input";
import { FormAlert } from "@/components/forms/form-alert";
import { useValidatedAction } from "@/components/forms/use-validated-action";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { FormField, fieldA11y } from "@/components/ui/form-field";
import { Icon } from "@/components/ui/icon";
import { Input } from "@/components/ui/input";
import { IntentLink } from "@/components/ui/intent-link";
import { Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { toast } from "@/components/ui/toast";
import { createService } from "@/lib/actions/services/create-service";
import { updateService } from "@/lib/actions/services/update-service";
import type { CurrencyChoices } from "@/lib/currencies";
import { formatAmountInput } from "@/lib/money";
import { billingIntervals, intervalLabels } from "@/lib/validation/choices";
import { plural } from "@/lib/plural";

const serviceSchema = (locale: string) => () => import("@/lib/validation/services").then((m) => m.serviceSchema(locale));
const updateServiceSchema = (locale: string) => () => import("@/lib/validation/services").then((m) => m.updateServiceSchema(locale));

export type ServiceFormValues = {
  id: number;
  name: string;
  description: string | null;
  priceMinor: number;
  currency: string;
  interval: (typeof billingIntervals)[number];
  active: boolean;
  archivedAt: Date | null;
};

/** smsAudience: clients an announcement would reach, per billing currency. */
type Props = { area: string; service?: ServiceFormValues; defaultCurrency: string; locale: string; currencies: CurrencyChoices; smsAudience: Record<string, number> };

/** One form for creating and editing a service; `service` makes it an edit. */
export function ServiceForm({ area, service, defaultCurrency, locale, currencies, smsAudience }: Props) {
  const router = useRouter();
  const editing = Boolean(service);
  const [active, setActive] = useState(service?.active ?? true);
  const { form, pending, errors, formError, values } = useValidatedAction(editing ? updateService : createService, editing ? updateServiceSchema(locale) : serviceSchema(locale), (state) => {
    const data = state.data as { id: number; announced: number } | undefined;
    toast({
      title: editing ? "Service saved" : "Service created",
      description: data?.announced ? `Announcement queued to ${plural(data.announced, "client")} by SMS.` : undefined,
      variant: "success",
    });
    router.push(`${area}/services/${data?.id ?? service?.id}`);
  });
  // An announcement goes out when the service is created active, or first switched on.
  const willAnnounce = active && (!service || (!service.active && !service.archivedAt));
  const v = (key: "name" | "description") => values?.[key] ?? service?.[key] ?? "";
  const [currency, setCurrency] = useState(values?.currency ?? service?.currency ?? defaultCurrency);
  // Only clients who bill in the service's currency can subscribe to it, so only they hear of it.
  const audience = smsAudience[currency] ?? 0;

  return (
    <form {...form} className="grid max-w-2xl gap-5">
      {service && <input type="hidden" name="id" value={service.id} />}
      <FormAlert message={formError} />
      <FormField className="content-start" id="name" label="Name" required error={errors.name}>
        <Input {...fieldA11y("name", errors.name)} name="name" defaultValue={v("name")} required maxLength={160} autoComplete="off" />
      </FormField>
      <FormField className="content-start" id="description" label="Description" error={errors.description} hint="Clients see this in the portal.">
        <Textarea {...fieldA11y("description", errors.description, true)} name="description" rows={3} defaultValue={v("description")} maxLength={5000} />
      </FormField>
      <div className="grid gap-5 sm:grid-cols-3">
        <FormField id="price" label="Price" required error={errors.price} className="content-start">
          <AmountInput
            {...fieldA11y("price", errors.price)}
            name="price"
            currency={currency}
            locale={locale}
            placeholder={`e.g. ${formatAmountInput(12000, currency, locale)}`}
            defaultValue={values?.price ?? (service ? formatAmountInput(service.priceMinor, service.currency, locale) : "")}
            required
          />
        </FormField>
        <FormField className="content-start" id="currency" label="Currency" error={errors.currency}>
          <CurrencySelect {...fieldA11y("currency", errors.currency)} name="currency" choices={currencies} value={currency} onChange={(e) => setCurrency(e.target.value)} />
        </FormField>
        <FormField className="content-start" id="interval" label="Billed" error={errors.interval}>
          <Select {...fieldA11y("interval", errors.interval)} name="interval" defaultValue={values?.interval ?? service?.interval ?? "monthly"}>
            {billingIntervals.map((i) => (
              <option key={i} value={i}>
                {intervalLabels[i]}
              </option>
            ))}
          </Select>
        </FormField>
      </div>
      <div className="flex items-start gap-3 rounded-md border p-4">
        <Checkbox id="active" name="active" checked={active} onCheckedChange={(c) => setActive(c === true)} aria-describedby="active-hint" className="mt-0.5" />
        <div className="grid gap-1">
          <Label htmlFor="active">Active: clients can subscribe to it</Label>
          <p id="active-hint" className="text-sm text-muted-foreground">
            An inactive service stays in the catalogue for existing subscriptions but can&apos;t be picked for new ones.
          </p>
        </div>
      </div>
      {willAnnounce && (
        <p role="note" className="flex items-start gap-2 rounded-md border border-primary/30 bg-primary/5 p-3 text-sm">
          <Icon name="message-square" className="mt-0.5 size-4 shrink-0 text-primary" aria-hidden="true" />
          {audience > 0
            ? `Saving this ${service ? "turns the service on and texts" : "active service texts"} an announcement to ${plural(audience, "client")} who bill in ${currency} and agreed to SMS. Each client gets it once.`
            : `No client who bills in ${currency} has agreed to SMS yet, so no announcement will be sent.`}
        </p>
      )}
      <div className="flex flex-col-reverse gap-2 sm:flex-row">
        <Button type="submit" pending={pending}>
          {editing ? "Save changes" : "Create service"}
        </Button>
        <Button variant="outline" asChild>
          <IntentLink href={service ? `${area}/services/${service.id}` : `${area}/services`}>Cancel</IntentLink>
        </Button>
      </div>
    </form>
  );
}
