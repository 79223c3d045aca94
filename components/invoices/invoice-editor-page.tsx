import { notFound, redirect } from "next/navigation";
import { PageHeader } from "@/components/shell/page-header";
import { Card, CardContent } from "@/components/ui/card";
import { IntentLink } from "@/components/ui/intent-link";
import { getClientOption, getDraftForEdit, listServicesForLines } from "@/db/queries/invoices";
import { getSettings } from "@/db/queries/settings";
import { getBusinessToday } from "@/lib/business-time";
import { currencyChoices } from "@/lib/currencies";
import { InvoiceForm } from "./invoice-form";

/**
 * The invoice editor for /admin and /staff: a new draft (optionally for
 * ?client=<id>), or an existing draft. An issued invoice can't be edited, so
 * its edit URL leads back to it. Callers check "invoices:write".
 */
export async function InvoiceEditorPage({ area, invoiceId, clientId }: { area: string; invoiceId?: number; clientId?: number }) {
  const [settings, services, today] = await Promise.all([getSettings(), listServicesForLines(), getBusinessToday()]);
  // A new invoice bills in its client's currency; without a client yet, in the business's.
  const defaults = { currency: settings.defaultCurrency, taxRateBp: settings.taxRateBp, dueDays: settings.dueDays, today, locale: settings.locale };
  if (invoiceId !== undefined) {
    const draft = await getDraftForEdit(invoiceId);
    if (!draft) notFound();
    if (draft.status !== "draft") redirect(`${area}/invoices/${invoiceId}`);
    const client = await getClientOption(draft.clientId);
    const currencies = currencyChoices({ current: draft.currency, preferred: [client?.currency, settings.defaultCurrency] });
    return (
      <>
        <PageHeader title={`Edit draft #${draft.id}`} description="Drafts can change freely. Issuing gives the invoice its number and freezes it." />
        <Card>
          <CardContent className="pt-4 sm:pt-6">
            <InvoiceForm
              area={area}
              services={services}
              defaults={defaults}
              currencies={currencies}
              client={client}
              draft={{ ...draft, client: client ?? { id: draft.clientId, name: `Client #${draft.clientId}`, email: null, currency: draft.currency } }}
            />
          </CardContent>
        </Card>
      </>
    );
  }
  const client = clientId ? await getClientOption(clientId) : null;
  const currencies = currencyChoices({ preferred: [client?.currency, settings.defaultCurrency] });
  return (
    <>
      <PageHeader
        title="New invoice"
        description={
          <>
            Saved as a draft until you issue it. Billing subscriptions?{" "}
            <IntentLink href={`${area}/invoices`} className="underline underline-offset-4">
              Run billing
            </IntentLink>{" "}
            from the list instead.
          </>
        }
      />
      <Card>
        <CardContent className="pt-4 sm:pt-6">
          <InvoiceForm area={area} services={services} defaults={{ ...defaults, currency: client?.currency ?? defaults.currency }} currencies={currencies} client={client} />
        </CardContent>
      </Card>
    </>
  );
}
