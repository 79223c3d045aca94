import { notFound } from "next/navigation";
import { AuditTimeline } from "@/components/audit/audit-timeline";
import { RemindButton } from "@/components/reminders/remind-button";
import { PageHeader } from "@/components/shell/page-header";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Icon } from "@/components/ui/icon";
import { IntentLink } from "@/components/ui/intent-link";
import { listAuditFor } from "@/db/queries/audit";
import { balancesFor, CLIENT_RECORDS_SHOWN, clientHasHistory, countClientRecords, getClient, listClientInvoices, listClientPayments, listClientSubscriptions } from "@/db/queries/clients";
import { can } from "@/lib/auth/permissions";
import { currencyName } from "@/lib/currencies";
import type { CurrentUser } from "@/lib/auth/session";
import { LocalTime } from "@/components/time/viewer-time";
import { getBusinessTime, getBusinessToday } from "@/lib/business-time";
import { formatDate } from "@/lib/dates";
import { formatMoney } from "@/lib/money";
import { ClientArchiveAction, DeleteClientCard } from "./client-admin-actions";
import { InvoicesCard, PaymentsCard, SubscriptionsCard } from "./client-financials";
import { ClientRemindersCard } from "@/components/reminders/client-reminders-card";
import { ClientMessages } from "./client-messages";
import { PhoneNumber } from "@/components/phone/phone-number";
import { regionFromLocale } from "@/lib/phone";
import { ResetSecondFactorButton } from "@/components/staff/reset-second-factor-button";

/** One client, for /admin/clients/[id] and /staff/clients/[id]. Callers check "clients:read". */
export async function ClientDetail({ area, id, user }: { area: string; id: number; user: CurrentUser }) {
  const client = await getClient(id);
  if (!client) notFound();
  const today = await getBusinessToday();
  const { locale } = await getBusinessTime();
  const [balances, subscriptions, invoiceRows, paymentRows, history, hasHistory] = await Promise.all([
    balancesFor([id], today).then((m) => m.get(id) ?? []),
    listClientSubscriptions(id),
    listClientInvoices(id),
    listClientPayments(id),
    listAuditFor("client", id),
    clientHasHistory(id),
  ]);
  // Only a client with more than the lists show needs counting.
  const counts = invoiceRows.length === CLIENT_RECORDS_SHOWN || paymentRows.length === CLIENT_RECORDS_SHOWN ? await countClientRecords(id) : null;
  const canRemind = can(user.role, "reminders:send") && balances.length > 0;
  const deleteBlockedReason = hasHistory ? "This client has financial history, so it can only be archived." : client.userId ? "This client has a portal login, so it can only be archived." : null;

  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-2 text-sm text-muted-foreground">
        <IntentLink href={`${area}/clients`} className="underline-offset-4 hover:underline">
          Clients
        </IntentLink>
      </nav>
      <PageHeader
        title={client.name}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <span>
              {client.company && `${client.company} · `}Client since <LocalTime value={client.createdAt} show="date" />
            </span>
            {client.archivedAt && (
              <Badge variant="muted">
                Archived <LocalTime value={client.archivedAt} show="date" />
              </Badge>
            )}
            {client.smsOptIn && <Badge variant="secondary">SMS opt-in</Badge>}
          </span>
        }
        actions={
          <>
            <Button variant="outline" asChild>
              <IntentLink href={`${area}/clients/${id}/edit`}>
                <Icon name="pencil" aria-hidden="true" />
                Edit
              </IntentLink>
            </Button>
            {can(user.role, "invoices:write") && !client.archivedAt && (
              <Button variant="outline" asChild>
                <IntentLink href={`${area}/invoices/new?client=${id}`}>
                  <Icon name="file-plus" aria-hidden="true" />
                  New invoice
                </IntentLink>
              </Button>
            )}
            {canRemind && <RemindButton clientIds={[id]} title={`Send ${client.name} a payment reminder?`} smsCount={client.smsOptIn && client.phone ? 1 : 0} />}
            <ClientArchiveAction client={{ id, name: client.name, archived: Boolean(client.archivedAt) }} canArchive={can(user.role, "clients:archive")} />
          </>
        }
      />

      <div className="grid grid-cols-1 gap-6 lg:grid-cols-3">
        <Card className="lg:col-span-2">
          <CardHeader>
            <CardTitle>Contact details</CardTitle>
          </CardHeader>
          <CardContent>
            <dl className="grid gap-4 text-sm sm:grid-cols-2">
              <Detail label="Email">
                {client.email ? (
                  <a href={`mailto:${client.email}`} className="underline-offset-4 hover:underline">
                    {client.email}
                  </a>
                ) : null}
              </Detail>
              <Detail label="Mobile phone">
                {client.phone ? <PhoneNumber value={client.phone} region={regionFromLocale(locale)} link className="tabular-nums underline-offset-4 hover:underline" /> : null}
              </Detail>
              <Detail label="Text messages">{client.smsOptIn ? "Agreed to receive SMS" : "No SMS (not opted in)"}</Detail>
              <Detail label="Portal login">
                {client.portalEmail ?? "No portal login"}
                {client.userId && can(user.role, "users:reset_second_factor") && (
                  <span className="ml-2 inline-block">
                    <ResetSecondFactorButton member={{ id: client.userId, name: client.name }} />
                  </span>
                )}
              </Detail>
              <Detail label="Billing currency">
                {client.currency} — {currencyName(client.currency)}
              </Detail>
              <Detail label="Address" wide>
                {client.address ? <span className="whitespace-pre-line">{client.address}</span> : null}
              </Detail>
              <Detail label="Notes" wide>
                {client.notes ? <span className="whitespace-pre-line">{client.notes}</span> : null}
              </Detail>
            </dl>
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>Balance</CardTitle>
          </CardHeader>
          <CardContent>
            {balances.length === 0 ? (
              <p className="text-sm text-muted-foreground">Nothing owed.</p>
            ) : (
              <ul className="grid gap-3">
                {balances.map((b) => (
                  <li key={b.currency}>
                    <p className={`text-2xl font-semibold tabular-nums ${b.overdue ? "text-destructive" : ""}`}>{formatMoney(b.minor, b.currency, locale)}</p>
                    <p className="text-xs text-muted-foreground">
                      Oldest due {formatDate(b.oldestDue)}
                      {b.overdue && " · overdue"}
                    </p>
                  </li>
                ))}
              </ul>
            )}
          </CardContent>
        </Card>
      </div>

      <div className="mt-6 grid grid-cols-1 gap-6">
        <InvoicesCard
          area={area}
          rows={invoiceRows}
          total={counts?.invoices ?? invoiceRows.length}
          allHref={`${area}/invoices?client=${id}`}
          today={today}
          locale={locale}
          newInvoiceHref={can(user.role, "invoices:write") && !client.archivedAt ? `${area}/invoices/new?client=${id}` : undefined}
        />
        <PaymentsCard area={area} rows={paymentRows} total={counts?.payments ?? paymentRows.length} locale={locale} />
        <SubscriptionsCard area={area} rows={subscriptions} archivedAt={client.archivedAt} locale={locale} />
        {!client.archivedAt && <ClientRemindersCard clientId={id} name={client.name} canPause={can(user.role, "reminders:pause")} />}
        <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
          <ClientMessages clientId={id} canOpenOutbox={can(user.role, "outbox:read")} />
          <Card>
            <CardHeader>
              <CardTitle>History</CardTitle>
            </CardHeader>
            <CardContent>
              <AuditTimeline entries={history} />
            </CardContent>
          </Card>
        </div>
        {can(user.role, "clients:delete") && <DeleteClientCard area={area} client={{ id, name: client.name }} blockedReason={deleteBlockedReason} />}
      </div>
    </>
  );
}

function Detail({ label, children, wide }: { label: string; children: React.ReactNode; wide?: boolean }) {
  return (
    <div className={wide ? "sm:col-span-2" : undefined}>
      <dt className="text-xs font-medium uppercase tracking-wide text-muted-foreground">{label}</dt>
      <dd className="mt-1 break-words">{children ?? <span className="text-muted-foreground">—</span>}</dd>
    </div>
  );
}
