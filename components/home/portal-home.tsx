import { Icon } from "@/components/ui/icon";
import { IntentLink } from "@/components/ui/intent-link";
import { PortalCharts } from "@/components/portal/portal-charts";
import { InvoiceListTable } from "@/components/portal/invoice-list-table";
import { intervalLabel } from "@/components/portal/labels";
import { PageHeader } from "@/components/shell/page-header";
import { Badge } from "@/components/ui/badge";
import { buttonVariants } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PayAllDialog } from "@/components/portal/pay-all-dialog";
import { getClientOverview } from "@/db/queries/portal";
import { listPortalOpenInvoices } from "@/db/queries/portal-invoices";
import { getSettings } from "@/db/queries/settings";
import { getBusinessTime, getBusinessToday } from "@/lib/business-time";
import { daysBetween, formatDate } from "@/lib/dates";
import { plural } from "@/lib/plural";
import { newIdempotencyKey } from "@/lib/idempotency-key";
import { balanceDue, formatMoney } from "@/lib/money";
import { cardProvider } from "@/lib/payments/providers";
import { StatCard } from "./stat-card";

/** The client's own overview. The client id comes from the session scope. */
export async function PortalHome({ clientId, clientName }: { clientId: number; clientName: string }) {
  const [overview, settings, today, { timeZone, locale }, openInvoices] = await Promise.all([
    getClientOverview(clientId),
    getSettings(),
    getBusinessToday(),
    getBusinessTime(),
    listPortalOpenInvoices(clientId),
  ]);
  const currency = overview.currency ?? settings.defaultCurrency;
  const owing = overview.outstanding.length > 0;
  const pastDue = Boolean(overview.nextDueDate && overview.nextDueDate < today);
  // "Pay all" once there is more than one invoice to pay.
  const payable = openInvoices
    .map((i) => ({ id: i.id, number: i.number ?? `#${i.id}`, due: formatDate(i.dueDate, locale), currency: i.currency, balanceMinor: balanceDue(i.totalMinor, i.amountPaidMinor) }))
    .filter((i) => i.balanceMinor > 0);
  const provider = cardProvider();
  return (
    <>
      <PageHeader
        title={`Hello, ${clientName.split(" ")[0]}`}
        description={`Your account with ${settings.companyName}.`}
        actions={
          overview.nextDue && (
            <>
              {payable.length > 1 && (
                <PayAllDialog
                  invoices={payable}
                  locale={locale}
                  provider={{ testMode: provider.testMode, testCards: provider.testCards, hosted: provider.hosted }}
                  idempotencyKey={newIdempotencyKey()}
                />
              )}
              <IntentLink href={`/portal/invoices/${overview.nextDue.id}#pay`} className={buttonVariants()}>
                Pay {overview.nextDue.number}
              </IntentLink>
            </>
          )
        }
      />
      <section aria-label="Summary" className="grid gap-4 sm:grid-cols-3">
        <StatCard
          label="Outstanding balance"
          value={owing ? overview.outstanding.map((b) => formatMoney(b.minor, b.currency, locale)) : formatMoney(0, currency, locale)}
          tone={owing ? "warning" : "default"}
          href={owing ? "/portal/invoices?status=open" : undefined}
        />
        {/* The earliest unpaid invoice: once its date has passed it isn't "next" any more, it is the oldest one owed. */}
        <StatCard
          label={pastDue ? "Oldest unpaid" : "Next due date"}
          value={overview.nextDueDate ? formatDate(overview.nextDueDate, locale) : "Nothing due"}
          tone={pastDue ? "destructive" : "default"}
          detail={overview.nextDue ? (pastDue ? `${overview.nextDue.number}, ${plural(daysBetween(overview.nextDueDate!, today), "day")} past due` : overview.nextDue.number) : undefined}
          href={overview.nextDue ? `/portal/invoices/${overview.nextDue.id}` : undefined}
        />
        <StatCard label="Active services" value={String(overview.activeServices.filter((s) => s.status === "active").length)} href="/portal/subscriptions" />
      </section>
      <PortalCharts clientId={clientId} currency={currency} locale={locale} today={today} timeZone={timeZone} />
      <div className="mt-6 grid gap-6 lg:grid-cols-5">
        <Card className="lg:col-span-2">
          <CardHeader className="flex-row items-center justify-between gap-2 space-y-0">
            <CardTitle>Your services</CardTitle>
            <IntentLink href="/portal/services" className="text-sm font-medium text-primary underline-offset-4 hover:underline">
              Browse services
            </IntentLink>
          </CardHeader>
          <CardContent>
            {overview.activeServices.length === 0 ? (
              <EmptyState
                icon={<Icon name="package" />}
                title="No services yet"
                description="Services you subscribe to will show up here."
                action={
                  <IntentLink href="/portal/services" className={buttonVariants({ variant: "outline" })}>
                    See what we offer
                  </IntentLink>
                }
              />
            ) : (
              <ul className="divide-y">
                {overview.activeServices.map((s) => (
                  <li key={s.id} className="flex items-center justify-between gap-3 py-3">
                    <div className="min-w-0">
                      <p className="truncate font-medium">{s.serviceName}</p>
                      <p className="text-sm text-muted-foreground">
                        {formatMoney(s.priceMinor, s.currency, locale)} {intervalLabel[s.interval]}
                        {s.interval !== "one_time" && ` · renews ${formatDate(s.currentPeriodEnd)}`}
                      </p>
                    </div>
                    <Badge variant={s.status === "active" ? "success" : "muted"}>{s.status === "active" ? "Active" : "Paused"}</Badge>
                  </li>
                ))}
              </ul>
            )}
          </CardContent>
        </Card>
        <Card className="min-w-0 lg:col-span-3">
          <CardHeader className="flex-row items-center justify-between gap-2 space-y-0">
            <CardTitle>Recent invoices</CardTitle>
            <IntentLink href="/portal/invoices" className="text-sm font-medium text-primary underline-offset-4 hover:underline">
              All invoices
            </IntentLink>
          </CardHeader>
          <CardContent>
            {overview.recentInvoices.length === 0 ? (
              <EmptyState icon={<Icon name="file-text" />} title="No invoices yet" description="Your invoices will show up here when they are issued." />
            ) : (
              <InvoiceListTable rows={overview.recentInvoices} today={today} locale={locale} showIssued={false} />
            )}
          </CardContent>
        </Card>
      </div>
    </>
  );
}
