import type { Metadata } from "next";
import { InvoiceListTable } from "@/components/portal/invoice-list-table";
import { PortalInvoiceFilters } from "@/components/portal/invoice-filters";
import { PageHeader } from "@/components/shell/page-header";
import { Card, CardContent } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Icon } from "@/components/ui/icon";
import { Pagination } from "@/components/ui/pagination";
import { listPortalInvoices, PORTAL_INVOICE_PAGE_SIZE } from "@/db/queries/portal-invoices";
import { requireClientScope } from "@/lib/auth/client-scope";
import { getBusinessTime, getBusinessToday } from "@/lib/business-time";
import { pageCountOf, redirectPastLastPage } from "@/lib/pagination";
import { parsePortalInvoiceParams } from "@/lib/validation/portal";

export const metadata: Metadata = { title: "Invoices" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function PortalInvoicesPage({ searchParams }: { searchParams: SearchParams }) {
  const scope = await requireClientScope();
  const raw = await searchParams;
  const params = parsePortalInvoiceParams(raw);
  const today = await getBusinessToday();
  const { rows, total } = await listPortalInvoices(scope.clientId, params, today);
  redirectPastLastPage({ page: params.page, total, pageSize: PORTAL_INVOICE_PAGE_SIZE, pathname: "/portal/invoices", searchParams: raw });
  const filtered = params.filter !== "all" || params.q !== "";
  return (
    <>
      <PageHeader title="Invoices" description="Every invoice we have sent you. Open one to pay it, download it or email it." />
      <div className="grid gap-4">
        <PortalInvoiceFilters filter={params.filter} q={params.q} />
        {rows.length === 0 ? (
          <EmptyState
            icon={<Icon name="file-text" />}
            title={filtered ? "No invoices match" : "No invoices yet"}
            description={filtered ? "Try another status, or clear the search." : "Your invoices show up here when they are issued."}
          />
        ) : (
          <Card>
            <CardContent className="p-0 sm:p-2">
              <InvoiceListTable rows={rows} today={today} locale={(await getBusinessTime()).locale} />
            </CardContent>
          </Card>
        )}
        <Pagination page={params.page} pageCount={pageCountOf(total, PORTAL_INVOICE_PAGE_SIZE)} pathname="/portal/invoices" searchParams={raw} total={total} pageSize={PORTAL_INVOICE_PAGE_SIZE} />
      </div>
    </>
  );
}
