import { Icon } from "@/components/ui/icon";
import { getBusinessTime } from "@/lib/business-time";
import { IntentLink } from "@/components/ui/intent-link";
import { PageHeader } from "@/components/shell/page-header";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { Pagination } from "@/components/ui/pagination";
import { listServices, SERVICE_PAGE_SIZE } from "@/db/queries/services";
import { formatMoney } from "@/lib/money";
import { pageCountOf, redirectPastLastPage, type SearchParams } from "@/lib/pagination";
import { cn } from "@/lib/utils";
import { intervalLabels } from "@/lib/validation/choices";
import { parseServiceListParams } from "@/lib/validation/services";

/** The service catalogue for /admin/services and /staff/services. Callers check "services:read". */
export async function ServicesIndex({ area, searchParams }: { area: string; searchParams: SearchParams }) {
  const params = parseServiceListParams(searchParams);
  const { archived } = params;
  const [{ rows, total }, { locale }] = await Promise.all([listServices(params), getBusinessTime()]);
  redirectPastLastPage({ page: params.page, total, pageSize: SERVICE_PAGE_SIZE, pathname: `${area}/services`, searchParams });
  return (
    <>
      <PageHeader
        title="Services"
        description="What you sell, at what price and how often it is billed."
        actions={
          <Button asChild>
            <IntentLink href={`${area}/services/new`}>
              <Icon name="plus" aria-hidden="true" />
              New service
            </IntentLink>
          </Button>
        }
      />
      <Card>
        <CardContent className="grid gap-4 pt-4 sm:pt-6">
          <nav aria-label="Show" className="flex w-fit gap-1 rounded-md bg-muted p-1 text-sm">
            <IntentLink href={`${area}/services`} aria-current={!archived ? "page" : undefined} className={tab(!archived)}>
              Catalogue
            </IntentLink>
            <IntentLink href={`${area}/services?archived=1`} aria-current={archived ? "page" : undefined} className={tab(archived)}>
              Archived
            </IntentLink>
          </nav>
          {rows.length === 0 ? (
            <EmptyState
              icon={<Icon name="package" />}
              title={archived ? "No archived services" : "No services yet"}
              description={archived ? "Services you archive are kept here, with their history." : "Add the services you offer; clients who agreed to SMS hear about each new one."}
            />
          ) : (
            <Table aria-label="Services">
              <TableHeader>
                <TableRow>
                  <TableHead>Service</TableHead>
                  <TableHead className="text-right">Price</TableHead>
                  <TableHead className="hidden sm:table-cell">Billed</TableHead>
                  <TableHead className="hidden md:table-cell text-right">Subscribers</TableHead>
                  <TableHead>Status</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {rows.map((s) => (
                  <TableRow key={s.id}>
                    <TableCell className="max-w-72">
                      <IntentLink href={`${area}/services/${s.id}`} className="font-medium underline-offset-4 hover:underline">
                        {s.name}
                      </IntentLink>
                      {s.description && <p className="line-clamp-1 text-xs text-muted-foreground">{s.description}</p>}
                    </TableCell>
                    <TableCell className="whitespace-nowrap text-right tabular-nums">{formatMoney(s.priceMinor, s.currency, locale)}</TableCell>
                    <TableCell className="hidden sm:table-cell">{intervalLabels[s.interval]}</TableCell>
                    <TableCell className="hidden text-right tabular-nums md:table-cell">{s.activeSubscriptions}</TableCell>
                    <TableCell>{s.archivedAt ? <Badge variant="muted">Archived</Badge> : s.active ? <Badge variant="success">Active</Badge> : <Badge variant="outline">Inactive</Badge>}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
          <Pagination page={params.page} pageCount={pageCountOf(total, SERVICE_PAGE_SIZE)} total={total} pageSize={SERVICE_PAGE_SIZE} pathname={`${area}/services`} searchParams={searchParams} />
        </CardContent>
      </Card>
    </>
  );
}

const tab = (active: boolean) => cn("rounded px-3 py-1.5 font-medium", active ? "bg-background text-foreground shadow-sm" : "text-muted-foreground hover:text-foreground");
