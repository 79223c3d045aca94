import { Suspense } from "react";
import { PageHeader } from "@/components/shell/page-header";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { Icon } from "@/components/ui/icon";
import { IntentLink } from "@/components/ui/intent-link";
import { Pagination } from "@/components/ui/pagination";
import { LoadingRegion, Skeleton } from "@/components/ui/skeleton";
import { COUNT_CAP, INVOICE_PAGE_SIZE, listInvoiceCurrencies, listInvoices } from "@/db/queries/invoice-list";
import { getClientOption } from "@/db/queries/invoices";
import { getSettings } from "@/db/queries/settings";
import { getBusinessToday } from "@/lib/business-time";
import { currencyName } from "@/lib/currencies";
import { pageCountOf, redirectPastLastPage } from "@/lib/pagination";
import { plural } from "@/lib/plural";
import { invoiceListQueryString, parseInvoiceListParams, type InvoiceListParams } from "@/lib/validation/invoices";
import { InvoiceFilters } from "./invoice-filters";
import { InvoiceSetTotals } from "./invoice-set-totals";
import { InvoiceTable } from "./invoice-table";
import { RunBillingButton } from "./run-billing-button";

type SearchParams = Record<string, string | string[] | undefined>;
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";
const count = new Intl.NumberFormat("en-US");

/** The invoice list for /admin/invoices and /staff/invoices. Callers check "invoices:read". */
export async function InvoicesIndex({ area, searchParams, canBill, canRemind }: { area: string; searchParams: SearchParams; canBill: boolean; canRemind: boolean }) {
  const settings = await getSettings();
  const params = parseInvoiceListParams(searchParams, settings.defaultCurrency, settings.locale);
  const rawMin = params.minMinor !== null ? first(searchParams.min) : "";
  const rawMax = params.maxMinor !== null ? first(searchParams.max) : "";
  const query = invoiceListQueryString({ ...params, min: rawMin, max: rawMax });
  const [client, currencies] = await Promise.all([params.clientId ? getClientOption(params.clientId) : null, listInvoiceCurrencies()]);
  const withoutClient = invoiceListQueryString({ ...params, clientId: null, min: rawMin, max: rawMax });
  return (
    <>
      <PageHeader
        title="Invoices"
        description={<span className="hidden sm:inline">Drafts, issued invoices and what is still owed.</span>}
        actions={
          <>
            <Button variant="outline" asChild>
              <a href={`/api/invoices/export${query ? `?${query}` : ""}`} download>
                <Icon name="download" aria-hidden="true" />
                {/* "CSV" alone on a phone, so the three actions fit on one line. */}
                <span className="sr-only sm:not-sr-only">Export</span> CSV
              </a>
            </Button>
            {canBill && <RunBillingButton />}
            <Button asChild>
              <IntentLink href={`${area}/invoices/new${params.clientId ? `?client=${params.clientId}` : ""}`}>
                <Icon name="plus" aria-hidden="true" />
                New invoice
              </IntentLink>
            </Button>
          </>
        }
      />
      <Card>
        <CardContent className="grid gap-4 pt-4 sm:pt-6">
          <InvoiceFilters
            action={`${area}/invoices`}
            params={params}
            rawMin={rawMin}
            rawMax={rawMax}
            clientName={client?.name ?? null}
            removeClientHref={`${area}/invoices${withoutClient ? `?${withoutClient}` : ""}`}
            currencies={currencies.map((code) => ({ code, label: `${code} — ${currencyName(code, settings.locale)}` }))}
            businessCurrency={settings.defaultCurrency}
          />
          <InvoiceSetTotals query={query} locale={settings.locale} businessCurrency={settings.defaultCurrency} />
          <Suspense key={`${query}|${params.page}`} fallback={<ListSkeleton />}>
            <InvoiceResults area={area} params={params} searchParams={searchParams} filtered={Boolean(query.replace(/(^|&)sort=[^&]*/, ""))} canRemind={canRemind} locale={settings.locale} />
          </Suspense>
        </CardContent>
      </Card>
    </>
  );
}

async function InvoiceResults({
  area,
  params,
  searchParams,
  filtered,
  canRemind,
  locale,
}: {
  area: string;
  params: InvoiceListParams;
  searchParams: SearchParams;
  filtered: boolean;
  canRemind: boolean;
  locale: string;
}) {
  const today = await getBusinessToday();
  const { rows, total, capped } = await listInvoices(params, today);
  redirectPastLastPage({ page: params.page, total, pageSize: INVOICE_PAGE_SIZE, pathname: `${area}/invoices`, searchParams });
  const pageCount = pageCountOf(total, INVOICE_PAGE_SIZE);
  const from = (params.page - 1) * INVOICE_PAGE_SIZE + 1;
  return (
    <>
      <InvoiceTable area={area} rows={rows} today={today} locale={locale} filtered={filtered} canRemind={canRemind} />
      {rows.length > 0 && (
        // The count and the pager share one row.
        <Pagination
          page={params.page}
          pageCount={pageCount}
          pathname={`${area}/invoices`}
          searchParams={searchParams}
          summary={
            <p className="text-sm text-muted-foreground" aria-live="polite">
              Showing {count.format(from)}–{count.format(from + rows.length - 1)} of {capped ? `more than ${count.format(COUNT_CAP)}. Narrow the filters to reach the rest` : plural(total, "invoice")}
            </p>
          }
        />
      )}
    </>
  );
}

function ListSkeleton() {
  return (
    <LoadingRegion label="Loading invoices" className="grid gap-2">
      {Array.from({ length: 8 }, (_, i) => (
        <Skeleton key={i} className="h-12" />
      ))}
    </LoadingRegion>
  );
}
