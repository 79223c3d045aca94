import { Suspense } from "react";
import { PageHeader } from "@/components/shell/page-header";
import { listDashboardCurrencies } from "@/db/queries/dashboard";
import { getSettings } from "@/db/queries/settings";
import { getBusinessToday } from "@/lib/business-time";
import { formatDate } from "@/lib/dates";
import { parseDashboardRange } from "@/lib/dashboard/range";
import { AGING_TITLE, AgingCard } from "./aging-card";
import { ChartCardSkeleton } from "./chart-card";
import { CLIENTS_TITLE, ClientsCard } from "./clients-card";
import type { DashboardContext } from "./context";
import { DashboardFilters } from "./dashboard-filters";
import { REVENUE_TITLE, RevenueCard } from "./revenue-card";
import { SERVICES_TITLE, ServicesCard } from "./services-card";
import { STATUS_TITLE, StatusCard } from "./status-card";
import { Headcounts, MoneyTotals, TotalsSkeleton } from "./totals";

type SearchParams = Record<string, string | string[] | undefined>;
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";

/**
 * The admin and staff home, one component for both areas. The page shell
 * renders at once; each card reads its own figures and streams in behind its
 * own skeleton. Callers check "dashboard:view".
 */
export async function Dashboard({ area, userName, searchParams, canManageStaff }: { area: string; userName: string; searchParams: SearchParams; canManageStaff: boolean }) {
  const [settings, currencies, today] = await Promise.all([getSettings(), listDashboardCurrencies(), getBusinessToday()]);
  const range = parseDashboardRange(searchParams, today);
  const choices = currencies.includes(settings.defaultCurrency) ? currencies : [settings.defaultCurrency, ...currencies];
  const requested = first(searchParams.currency).toUpperCase();
  const currency = choices.includes(requested) ? requested : settings.defaultCurrency;
  const ctx: DashboardContext = { area, currency, locale: settings.locale, range, today, canManageStaff };
  // A new key per view (and per card: siblings need distinct keys), so changing
  // the period shows the skeletons instead of stale figures.
  const key = `${range.from}|${range.to}|${currency}`;
  return (
    <>
      <PageHeader
        title="Dashboard"
        description={`Welcome back, ${userName.split(" ")[0]}. ${settings.companyName} for ${formatDate(range.from)} – ${formatDate(range.to)}.`}
        actions={<DashboardFilters action={area} preset={range.preset} from={range.from} to={range.to} today={today} error={range.error} currencies={choices} currency={currency} />}
      />
      <section aria-label="Totals" className="grid gap-4">
        <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-4">
          <Suspense key={`${key}|money`} fallback={<TotalsSkeleton cards={4} />}>
            <MoneyTotals ctx={ctx} />
          </Suspense>
        </div>
        <div className="grid gap-4 sm:grid-cols-3">
          <Suspense key={`${key}|heads`} fallback={<TotalsSkeleton cards={3} />}>
            <Headcounts ctx={ctx} />
          </Suspense>
        </div>
      </section>
      <div className="mt-6 grid gap-6 lg:grid-cols-2">
        <Suspense key={`${key}|revenue`} fallback={<ChartCardSkeleton title={REVENUE_TITLE} className="lg:col-span-2" bodyClassName="h-64 sm:h-72" />}>
          <RevenueCard ctx={ctx} className="lg:col-span-2" />
        </Suspense>
        <Suspense key={`${key}|status`} fallback={<ChartCardSkeleton title={STATUS_TITLE} bodyClassName="h-44" />}>
          <StatusCard ctx={ctx} />
        </Suspense>
        <Suspense key={`${key}|aging`} fallback={<ChartCardSkeleton title={AGING_TITLE} />}>
          <AgingCard ctx={ctx} />
        </Suspense>
        <Suspense key={`${key}|clients`} fallback={<ChartCardSkeleton title={CLIENTS_TITLE} />}>
          <ClientsCard ctx={ctx} />
        </Suspense>
        <Suspense key={`${key}|services`} fallback={<ChartCardSkeleton title={SERVICES_TITLE} bodyClassName="h-48" />}>
          <ServicesCard ctx={ctx} />
        </Suspense>
      </div>
    </>
  );
}
