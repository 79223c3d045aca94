import type { Metadata } from "next";
import { getBusinessTime } from "@/lib/business-time";
import { ServicesCatalog } from "@/components/portal/services-catalog";
import { PageHeader } from "@/components/shell/page-header";
import { Pagination } from "@/components/ui/pagination";
import { listPortalServices, PORTAL_SERVICE_PAGE_SIZE } from "@/db/queries/portal-services";
import { requireClientScope } from "@/lib/auth/client-scope";
import { stripeConfigured } from "@/lib/env";
import { pageCountOf, redirectPastLastPage } from "@/lib/pagination";
import { readListPage } from "@/lib/validation/fields";

export const metadata: Metadata = { title: "Services" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function PortalServicesPage({ searchParams }: { searchParams: SearchParams }) {
  const scope = await requireClientScope();
  const raw = await searchParams;
  const page = readListPage(raw.page);
  const [{ rows, total }, { locale }] = await Promise.all([listPortalServices(scope.clientId, page), getBusinessTime()]);
  redirectPastLastPage({ page, total, pageSize: PORTAL_SERVICE_PAGE_SIZE, pathname: "/portal/services", searchParams: raw });
  return (
    <>
      <PageHeader title="Services" description="What we offer. Subscribe in a couple of clicks and pay the first invoice right away." />
      <div className="grid gap-4">
        <ServicesCatalog services={rows} locale={locale} canSaveCard={stripeConfigured()} />
        <Pagination page={page} pageCount={pageCountOf(total, PORTAL_SERVICE_PAGE_SIZE)} pathname="/portal/services" searchParams={raw} total={total} pageSize={PORTAL_SERVICE_PAGE_SIZE} />
      </div>
    </>
  );
}
