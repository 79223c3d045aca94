import { notFound } from "next/navigation";
import { PageHeader } from "@/components/shell/page-header";
import { Card, CardContent } from "@/components/ui/card";
import { IntentLink } from "@/components/ui/intent-link";
import { getClient } from "@/db/queries/clients";
import { getSettings } from "@/db/queries/settings";
import { currencyChoices } from "@/lib/currencies";
import { phoneField, regionFromLocale } from "@/lib/phone";
import { ClientForm } from "./client-form";

/** The new-client page body for both areas. Callers check "clients:write". */
export async function NewClientPage({ area }: { area: string }) {
  const { defaultCurrency } = await getSettings();
  return (
    <>
      <Breadcrumb area={area} />
      <PageHeader title="New client" description="Only the name is required. Add an email so reminders and invoices can reach them." />
      <Card>
        <CardContent className="pt-4 sm:pt-6">
          <ClientForm area={area} currencies={currencyChoices({ preferred: [defaultCurrency] })} defaultCurrency={defaultCurrency} />
        </CardContent>
      </Card>
    </>
  );
}

/** The edit page body for both areas. Callers check "clients:write". */
export async function EditClientPage({ area, id }: { area: string; id: number }) {
  const [client, { defaultCurrency, locale }] = await Promise.all([getClient(id), getSettings()]);
  if (!client) notFound();
  return (
    <>
      <Breadcrumb area={area} client={{ id, name: client.name }} />
      <PageHeader title={`Edit ${client.name}`} />
      <Card>
        <CardContent className="pt-4 sm:pt-6">
          <ClientForm
            area={area}
            client={{ ...client, phone: phoneField(client.phone, regionFromLocale(locale)) }}
            currencies={currencyChoices({ current: client.currency, preferred: [defaultCurrency] })}
            defaultCurrency={defaultCurrency}
          />
        </CardContent>
      </Card>
    </>
  );
}

function Breadcrumb({ area, client }: { area: string; client?: { id: number; name: string } }) {
  return (
    <nav aria-label="Breadcrumb" className="mb-2 text-sm text-muted-foreground">
      <IntentLink href={`${area}/clients`} className="underline-offset-4 hover:underline">
        Clients
      </IntentLink>
      {client && (
        <>
          <span aria-hidden="true"> / </span>
          <IntentLink href={`${area}/clients/${client.id}`} className="underline-offset-4 hover:underline">
            {client.name}
          </IntentLink>
        </>
      )}
    </nav>
  );
}
