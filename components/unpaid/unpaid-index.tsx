import Form from "next/form";
import { Suspense } from "react";
import { PageHeader } from "@/components/shell/page-header";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Icon } from "@/components/ui/icon";
import { IntentLink } from "@/components/ui/intent-link";
import { Pagination } from "@/components/ui/pagination";
import { Select } from "@/components/ui/select";
import { Skeleton } from "@/components/ui/skeleton";
import { listUnpaidClients } from "@/db/queries/unpaid";
import { parseUnpaidParams, UNPAID_PAGE_SIZE, type UnpaidParams } from "@/lib/validation/unpaid";
import { getBusinessTime, getBusinessToday } from "@/lib/business-time";
import { redirectPastLastPage } from "@/lib/pagination";
import { cn } from "@/lib/utils";
import { UnpaidTable } from "./unpaid-table";

type SearchParams = Record<string, string | string[] | undefined>;

const sorts = [
  ["due", "Most overdue"],
  ["-balance", "Largest balance"],
  ["name", "Name"],
] as const;

/** Clients who owe money, for /admin/unpaid and /staff/unpaid. Callers check "reminders:send". */
export function UnpaidIndex({ area, searchParams }: { area: string; searchParams: SearchParams }) {
  const params = parseUnpaidParams(searchParams);
  const href = (p: Partial<UnpaidParams>) => {
    const next = { ...params, ...p, page: 1 };
    const s = new URLSearchParams();
    if (next.overdueOnly) s.set("filter", "overdue");
    if (next.sort !== "due") s.set("sort", next.sort);
    const q = s.toString();
    return `${area}/unpaid${q ? `?${q}` : ""}`;
  };
  return (
    <>
      <PageHeader title="Unpaid clients" description="Every client with an open balance. Reminders go by email, and by SMS to clients who agreed to texts, at most once per invoice per day." />
      <Card>
        <CardContent className="grid gap-4 pt-4 sm:pt-6">
          <div className="flex flex-col gap-3 sm:flex-row sm:items-center sm:justify-between">
            <nav aria-label="Show" className="flex gap-1 rounded-md bg-muted p-1 text-sm">
              <IntentLink href={href({ overdueOnly: false })} aria-current={!params.overdueOnly ? "page" : undefined} className={tab(!params.overdueOnly)}>
                All unpaid
              </IntentLink>
              <IntentLink href={href({ overdueOnly: true })} aria-current={params.overdueOnly ? "page" : undefined} className={tab(params.overdueOnly)}>
                Overdue only
              </IntentLink>
            </nav>
            <Form action={`${area}/unpaid`} className="flex items-center gap-2">
              {params.overdueOnly && <input type="hidden" name="filter" value="overdue" />}
              <label htmlFor="unpaid-sort" className="text-sm text-muted-foreground">
                Sort
              </label>
              <Select id="unpaid-sort" name="sort" defaultValue={params.sort} wrapperClassName="w-44">
                {sorts.map(([value, label]) => (
                  <option key={value} value={value}>
                    {label}
                  </option>
                ))}
              </Select>
              <Button type="submit" variant="secondary">
                Apply
              </Button>
            </Form>
          </div>
          <Suspense key={JSON.stringify(params)} fallback={<Skeleton className="h-96" />}>
            <UnpaidResults area={area} params={params} searchParams={searchParams} />
          </Suspense>
        </CardContent>
      </Card>
    </>
  );
}

const tab = (active: boolean) => cn("rounded px-3 py-1.5 font-medium", active ? "bg-background text-foreground shadow-sm" : "text-muted-foreground hover:text-foreground");

async function UnpaidResults({ area, params, searchParams }: { area: string; params: UnpaidParams; searchParams: SearchParams }) {
  const { rows, total, pageCount } = await listUnpaidClients(params, await getBusinessToday());
  redirectPastLastPage({ page: params.page, total, pageSize: UNPAID_PAGE_SIZE, pathname: `${area}/unpaid`, searchParams });
  if (rows.length === 0) {
    return <EmptyState icon={<Icon name="circle-check" />} title={params.overdueOnly ? "Nothing overdue" : "Everyone is paid up"} description="Clients with an open balance will show up here." />;
  }
  return (
    <>
      <UnpaidTable area={area} rows={rows} locale={(await getBusinessTime()).locale} remindAll={{ count: total, overdueOnly: params.overdueOnly }} />
      <Pagination page={params.page} pageCount={pageCount} total={total} pageSize={UNPAID_PAGE_SIZE} pathname={`${area}/unpaid`} searchParams={searchParams} />
    </>
  );
}
