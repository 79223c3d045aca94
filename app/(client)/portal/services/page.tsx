import type { Metadata } from "next";
import { getBusinessTime } from "@/lib/business-time";
import { ServicesCatalog } from "@/components/portal/services-catalog";
import { PageHeader } from "@/components/shell/page-header";
import { listPortalServices } from "@/db/queries/portal-services";
import { requireClientScope } from "@/lib/auth/client-scope";
import { stripeConfigured } from "@/lib/env";

export const metadata: Metadata = { title: "Services" };

export default async function PortalServicesPage() {
  const scope = await requireClientScope();
  const [services, { locale }] = await Promise.all([listPortalServices(scope.clientId), getBusinessTime()]);
  return (
    <>
      <PageHeader title="Services" description="What we offer. Subscribe in a couple of clicks and pay the first invoice right away." />
      <ServicesCatalog services={services} locale={locale} canSaveCard={stripeConfigured()} />
    </>
  );
}
