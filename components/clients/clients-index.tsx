import { Suspense } from "react";
import { PageHeader } from "@/components/shell/page-header";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { Icon } from "@/components/ui/icon";
import { IntentLink } from "@/components/ui/intent-link";
import { Pagination } from "@/components/ui/pagination";
import { LoadingRegion, Skeleton } from "@/components/ui/skeleton";
import { CLIENT_COUNT_CAP, CLIENT_PAGE_SIZE, listClients } from "@/db/queries/clients";
import { getBusinessTime, getBusinessToday } from "@/lib/business-time";
import { redirectPastLastPage } from "@/lib/pagination";
import { clientListQueryString, parseClientListParams, type ClientListParams } from "@/lib/validation/clients";
import { ClientFilters } from "./client-filters";
import { ClientTable } from "./client-table";

type SearchParams = Record<string, string | string[] | undefined>;

const count = new Intl.NumberFormat("en-US");

/** The client list for /admin/clients and /staff/clients. Callers check "clients:read". */
export function ClientsIndex({ area, searchParams, canImport }: { area: string; searchParams: SearchParams; canImport: boolean }) {
  const params = parseClientListParams(searchParams);
  const exportQuery = clientListQueryString(params);
  return (
    <>
      <PageHeader
        title="Clients"
        description="Everyone you bill."
        actions={
          <>
            <Button variant="outline" asChild>
              <a href={`/api/clients/export${exportQuery ? `?${exportQuery}` : ""}`} download>
                <Icon name="download" aria-hidden="true" />
                Export CSV
              </a>
            </Button>
            {canImport && (
              <Button variant="outline" asChild>
                <IntentLink href={`${area}/clients/import`}>
                  <Icon name="upload" aria-hidden="true" />
                  Import
                </IntentLink>
              </Button>
            )}
            <Button asChild>
              <IntentLink href={`${area}/clients/new`}>
                <Icon name="plus" aria-hidden="true" />
                New client
              </IntentLink>
            </Button>
          </>
        }
      />
      <Card>
        <CardContent className="grid gap-4 pt-4 sm:pt-6">
          <ClientFilters action={`${area}/clients`} params={params} />
          <Suspense key={JSON.stringify(params)} fallback={<ListSkeleton />}>
            <ClientResults area={area} params={params} searchParams={searchParams} />
          </Suspense>
        </CardContent>
      </Card>
    </>
  );
}

async function ClientResults({ area, params, searchParams }: { area: string; params: ClientListParams; searchParams: SearchParams }) {
  const { rows, total, capped, pageCount } = await listClients(params, await getBusinessToday());
  redirectPastLastPage({ page: params.page, total, pageSize: CLIENT_PAGE_SIZE, pathname: `${area}/clients`, searchParams });
  return (
    <>
      <ClientTable area={area} rows={rows} filtered={Boolean(params.q || params.filters.length)} locale={(await getBusinessTime()).locale} />
      <Pagination page={params.page} pageCount={pageCount} total={capped ? undefined : total} pageSize={CLIENT_PAGE_SIZE} pathname={`${area}/clients`} searchParams={searchParams} />
      {capped && (
        <p className="text-sm text-muted-foreground">
          More than {count.format(CLIENT_COUNT_CAP)} clients match, and the pages stop there. Search or filter to narrow the list; the CSV export includes every match.
        </p>
      )}
    </>
  );
}

function ListSkeleton() {
  return (
    <LoadingRegion label="Loading clients" className="grid gap-2">
      {Array.from({ length: 8 }, (_, i) => (
        <Skeleton key={i} className="h-12" />
      ))}
    </LoadingRegion>
  );
}
