import { notFound } from "next/navigation";
import { PageHeader } from "@/components/shell/page-header";
import { Card, CardContent } from "@/components/ui/card";
import { IntentLink } from "@/components/ui/intent-link";
import { getService, smsAudienceCount } from "@/db/queries/services";
import { getSettings } from "@/db/queries/settings";
import { currencyChoices } from "@/lib/currencies";
import { ServiceForm } from "./service-form";

/** Callers check "services:write". */
export async function NewServicePage({ area }: { area: string }) {
  const [settings, audience] = await Promise.all([getSettings(), smsAudienceCount()]);
  return (
    <>
      <Breadcrumb area={area} />
      <PageHeader title="New service" />
      <Card>
        <CardContent className="pt-4 sm:pt-6">
          <ServiceForm area={area} defaultCurrency={settings.defaultCurrency} locale={settings.locale} currencies={currencyChoices({ preferred: [settings.defaultCurrency] })} smsAudience={audience} />
        </CardContent>
      </Card>
    </>
  );
}

/** Callers check "services:write". */
export async function EditServicePage({ area, id }: { area: string; id: number }) {
  const [service, settings, audience] = await Promise.all([getService(id), getSettings(), smsAudienceCount()]);
  if (!service) notFound();
  return (
    <>
      <Breadcrumb area={area} service={{ id, name: service.name }} />
      <PageHeader title={`Edit ${service.name}`} description="A new price applies to new subscriptions; existing ones keep the price they signed up at." />
      <Card>
        <CardContent className="pt-4 sm:pt-6">
          <ServiceForm
            area={area}
            service={service}
            defaultCurrency={settings.defaultCurrency}
            locale={settings.locale}
            currencies={currencyChoices({ current: service.currency, preferred: [settings.defaultCurrency] })}
            smsAudience={audience}
          />
        </CardContent>
      </Card>
    </>
  );
}

function Breadcrumb({ area, service }: { area: string; service?: { id: number; name: string } }) {
  return (
    <nav aria-label="Breadcrumb" className="mb-2 text-sm text-muted-foreground">
      <IntentLink href={`${area}/services`} className="underline-offset-4 hover:underline">
        Services
      </IntentLink>
      {service && (
        <>
          <span aria-hidden="true"> / </span>
          <IntentLink href={`${area}/services/${service.id}`} className="underline-offset-4 hover:underline">
            {service.name}
          </IntentLink>
        </>
      )}
    </nav>
  );
}
