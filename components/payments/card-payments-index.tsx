import { Suspense } from "react";
import { PageHeader } from "@/components/shell/page-header";
import { Card, CardContent } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Icon } from "@/components/ui/icon";
import { IntentLink } from "@/components/ui/intent-link";
import { Pagination } from "@/components/ui/pagination";
import { Skeleton } from "@/components/ui/skeleton";
import {
  CARD_PAYMENTS_PAGE_SIZE,
  countCardPaymentViews,
  listFailedStripeEvents,
  listPendingCardPayments,
  listRefundDuePayments,
  parseCardPaymentParams,
  type CardPaymentParams,
  type CardPaymentView,
} from "@/db/queries/card-payments";
import { getBusinessTime } from "@/lib/business-time";
import { stripeConfigured } from "@/lib/env";
import { pageCountOf, redirectPastLastPage } from "@/lib/pagination";
import { cn } from "@/lib/utils";
import { CardPaymentTable } from "./card-payment-table";
import { FailedEventsTable } from "./failed-events-table";

type SearchParams = Record<string, string | string[] | undefined>;

const views: { view: CardPaymentView; label: string; empty: string; emptyDescription: string }[] = [
  { view: "pending", label: "Awaiting confirmation", empty: "No card payments waiting", emptyDescription: "Card payments show here from checkout until Stripe's webhook confirms or declines them." },
  { view: "refunds", label: "To refund", empty: "Nothing to refund", emptyDescription: "A card payment that arrives after the invoice was already paid is kept here, untouched, for you to refund." },
  { view: "events", label: "Failed webhooks", empty: "No failed webhooks", emptyDescription: "A Stripe event that could not be applied is kept here with its error, for you to retry." },
];

/** Card payments that need a person, for /admin/payments and /staff/payments. Callers check "payments:write". */
export async function CardPaymentsIndex({ area, searchParams }: { area: string; searchParams: SearchParams }) {
  const params = parseCardPaymentParams(searchParams);
  const counts = await countCardPaymentViews();
  redirectPastLastPage({ page: params.page, total: counts[params.view], pageSize: CARD_PAYMENTS_PAGE_SIZE, pathname: `${area}/payments`, searchParams });
  const description = stripeConfigured()
    ? "Card payments through Stripe that are still waiting for their webhook, money to send back, and webhook events that failed."
    : "Stripe is not configured, so cards go through the test provider (test mode, no real card is charged) and nothing is listed here. Set STRIPE_SECRET_KEY to take real card payments.";
  return (
    <>
      <PageHeader title="Card payments" description={description} />
      <Card>
        <CardContent className="grid gap-4 pt-4 sm:pt-6">
          <nav aria-label="Show" className="flex flex-col gap-1 rounded-md bg-muted p-1 text-sm sm:flex-row sm:self-start">
            {views.map((v) => (
              <IntentLink
                key={v.view}
                href={`${area}/payments${v.view === "pending" ? "" : `?view=${v.view}`}`}
                aria-current={params.view === v.view ? "page" : undefined}
                className={tab(params.view === v.view)}
              >
                {v.label} <span className="tabular-nums text-muted-foreground">({counts[v.view]})</span>
              </IntentLink>
            ))}
          </nav>
          <Suspense key={JSON.stringify(params)} fallback={<Skeleton className="h-96" />}>
            <Results area={area} params={params} total={counts[params.view]} searchParams={searchParams} />
          </Suspense>
        </CardContent>
      </Card>
    </>
  );
}

const tab = (active: boolean) => cn("rounded px-3 py-1.5 font-medium", active ? "bg-background text-foreground shadow-sm" : "text-muted-foreground hover:text-foreground");

async function Results({ area, params, total, searchParams }: { area: string; params: CardPaymentParams; total: number; searchParams: SearchParams }) {
  const meta = views.find((v) => v.view === params.view)!;
  const pageCount = pageCountOf(total, CARD_PAYMENTS_PAGE_SIZE);
  const pager = <Pagination page={params.page} pageCount={pageCount} total={total} pageSize={CARD_PAYMENTS_PAGE_SIZE} pathname={`${area}/payments`} searchParams={searchParams} />;
  const empty = <EmptyState icon={<Icon name="circle-check" />} title={meta.empty} description={meta.emptyDescription} />;
  if (params.view === "events") {
    const rows = await listFailedStripeEvents(params.page);
    if (rows.length === 0) return empty;
    return (
      <>
        <FailedEventsTable rows={rows} />
        {pager}
      </>
    );
  }
  const rows = params.view === "pending" ? await listPendingCardPayments(params.page) : await listRefundDuePayments(params.page);
  if (rows.length === 0) return empty;
  const { locale } = await getBusinessTime();
  return (
    <>
      <CardPaymentTable area={area} rows={rows} locale={locale} refunds={params.view === "refunds"} />
      {pager}
    </>
  );
}
