import { buttonVariants } from "@/components/ui/button";
import { InvoiceStatusBadge } from "@/components/invoices/invoice-status-badge";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Icon } from "@/components/ui/icon";
import { IntentLink } from "@/components/ui/intent-link";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { listClientInvoices, listClientPayments, listClientSubscriptions } from "@/db/queries/clients";
import { LocalTime, RelativeTime } from "@/components/time/viewer-time";
import { formatDate } from "@/lib/dates";
import { plural } from "@/lib/plural";
import { displayStatus } from "@/lib/invoices/status";
import { balanceDue, formatMoney } from "@/lib/money";
import { methodLabel } from "@/lib/payments/labels";
import { intervalLabels } from "@/lib/validation/choices";

type Subscriptions = Awaited<ReturnType<typeof listClientSubscriptions>>;
type Invoices = Awaited<ReturnType<typeof listClientInvoices>>;
type Payments = Awaited<ReturnType<typeof listClientPayments>>;

const none = <span className="text-muted-foreground">—</span>;

const statusLabel = (s: Subscriptions[number]) => (s.status === "active" ? (s.cancelAtPeriodEnd ? "Ends at period end" : "Active") : s.status === "paused" ? "Paused" : "Cancelled");

function EndedNote({ sub, archivedAt }: { sub: Subscriptions[number]; archivedAt: Date | null }) {
  if (sub.status !== "cancelled" || !sub.cancelledAt) return null;
  // Archiving stamps its own time on the subscriptions it ends.
  const byArchive = archivedAt && sub.cancelledAt.getTime() === archivedAt.getTime();
  return (
    <p className="mt-1 text-xs text-muted-foreground">
      Ended {byArchive ? "when archived, " : ""}
      <LocalTime value={sub.cancelledAt} show="date" />
    </p>
  );
}

export function SubscriptionsCard({ area, rows, archivedAt, locale }: { area: string; rows: Subscriptions; archivedAt: Date | null; locale: string }) {
  return (
    <Card>
      <CardHeader>
        <CardTitle>Subscriptions</CardTitle>
        {archivedAt && rows.length > 0 && <CardDescription>Archiving ended this client&apos;s subscriptions. Restoring the client doesn&apos;t restart them.</CardDescription>}
      </CardHeader>
      <CardContent>
        {rows.length === 0 ? (
          <EmptyState
            icon={<Icon name="package" />}
            title="No subscriptions yet"
            description="When this client subscribes to a service in their portal, it shows up here and is billed on each renewal."
          />
        ) : (
          <Table aria-label="Subscriptions">
            <TableHeader>
              <TableRow>
                <TableHead>Service</TableHead>
                <TableHead className="text-right">Price</TableHead>
                <TableHead className="hidden sm:table-cell">Renews</TableHead>
                <TableHead>Status</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {rows.map((s) => (
                <TableRow key={s.id}>
                  <TableCell>
                    <IntentLink href={`${area}/services/${s.serviceId}`} className="font-medium underline-offset-4 hover:underline">
                      {s.serviceName}
                    </IntentLink>
                  </TableCell>
                  <TableCell className="whitespace-nowrap text-right tabular-nums">
                    {formatMoney(s.priceMinor, s.currency, locale)} <span className="text-xs text-muted-foreground">{intervalLabels[s.interval].toLowerCase()}</span>
                  </TableCell>
                  <TableCell className="hidden whitespace-nowrap sm:table-cell">{s.status === "cancelled" || s.interval === "one_time" ? none : formatDate(s.currentPeriodEnd)}</TableCell>
                  <TableCell>
                    <Badge variant={s.status === "active" ? "success" : "muted"}>{statusLabel(s)}</Badge>
                    <EndedNote sub={s} archivedAt={archivedAt} />
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </CardContent>
    </Card>
  );
}

/** "Showing 50 of 73 invoices" under a card's title, when the card lists only the newest of a client's records. */
function ShownOf({ shown, total, noun, children }: { shown: number; total: number; noun: string; children?: React.ReactNode }) {
  if (total <= shown) return null;
  return (
    <CardDescription>
      Showing the newest {shown} of {plural(total, noun)}. {children}
    </CardDescription>
  );
}

/**
 * The client's newest invoices, of `total`, with a link to all of them (`allHref`, the invoice list filtered by the client);
 * `newInvoiceHref` (when the viewer may create one) is the empty state's next step.
 */
export function InvoicesCard({
  area,
  rows,
  total,
  allHref,
  today,
  locale,
  newInvoiceHref,
}: {
  area: string;
  rows: Invoices;
  total: number;
  allHref: string;
  today: string;
  locale: string;
  newInvoiceHref?: string;
}) {
  return (
    <Card>
      <CardHeader>
        <CardTitle>Invoices</CardTitle>
        <ShownOf shown={rows.length} total={total} noun="invoice">
          <IntentLink href={allHref} className="underline underline-offset-4">
            See all of this client&apos;s invoices
          </IntentLink>
        </ShownOf>
      </CardHeader>
      <CardContent>
        {rows.length === 0 ? (
          <EmptyState
            icon={<Icon name="file-text" />}
            title="No invoices yet"
            description="Invoices for this client will show up here, with what each still owes."
            action={
              newInvoiceHref && (
                <IntentLink href={newInvoiceHref} className={buttonVariants()}>
                  <Icon name="file-plus" aria-hidden="true" />
                  New invoice for this client
                </IntentLink>
              )
            }
          />
        ) : (
          <Table aria-label="Invoices">
            <TableHeader>
              <TableRow>
                <TableHead>Number</TableHead>
                <TableHead className="hidden sm:table-cell">Due</TableHead>
                <TableHead>Status</TableHead>
                <TableHead className="hidden text-right md:table-cell">Total</TableHead>
                <TableHead className="text-right">Balance</TableHead>
                <TableHead className="hidden lg:table-cell">Last reminder</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {rows.map((inv) => (
                <TableRow key={inv.id}>
                  <TableCell className="whitespace-nowrap">
                    <IntentLink href={`${area}/invoices/${inv.id}`} className="font-medium underline-offset-4 hover:underline">
                      {inv.number ?? "Draft"}
                    </IntentLink>
                  </TableCell>
                  <TableCell className="hidden whitespace-nowrap sm:table-cell">{formatDate(inv.dueDate)}</TableCell>
                  <TableCell>
                    <InvoiceStatusBadge status={displayStatus(inv.status, inv.dueDate, today)} />
                  </TableCell>
                  <TableCell className="hidden text-right tabular-nums md:table-cell">{formatMoney(inv.totalMinor, inv.currency, locale)}</TableCell>
                  <TableCell className="text-right tabular-nums">
                    {inv.status === "void" || inv.status === "draft" ? none : formatMoney(balanceDue(inv.totalMinor, inv.amountPaidMinor), inv.currency, locale)}
                  </TableCell>
                  <TableCell className="hidden whitespace-nowrap text-xs lg:table-cell">
                    {inv.lastReminderAt ? (
                      <>
                        <RelativeTime value={inv.lastReminderAt} />
                        <span className="block text-muted-foreground">{plural(inv.reminders, "message")}</span>
                      </>
                    ) : (
                      none
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </CardContent>
    </Card>
  );
}

const paymentBadge = { pending: "warning", succeeded: "success", failed: "destructive", refunded: "muted" } as const;

/** The client's newest payments, of `total`. The payments page has no per-client view, so the rest are counted, and each invoice's page lists its own. */
export function PaymentsCard({ area, rows, total, locale }: { area: string; rows: Payments; total: number; locale: string }) {
  return (
    <Card>
      <CardHeader>
        <CardTitle>Payments</CardTitle>
        <ShownOf shown={rows.length} total={total} noun="payment">
          Each invoice&apos;s page lists its own payments.
        </ShownOf>
      </CardHeader>
      <CardContent>
        {rows.length === 0 ? (
          <EmptyState
            icon={<Icon name="credit-card" />}
            title="No payments yet"
            description="Record a payment from one of this client's invoices, or the client pays in the portal; each shows up here."
          />
        ) : (
          <Table aria-label="Payments">
            <TableHeader>
              <TableRow>
                <TableHead className="hidden sm:table-cell">Date</TableHead>
                <TableHead>Invoice</TableHead>
                <TableHead className="hidden sm:table-cell">Method</TableHead>
                <TableHead>Status</TableHead>
                <TableHead className="text-right">Amount</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {rows.map((p) => (
                <TableRow key={p.id}>
                  <TableCell className="hidden whitespace-nowrap sm:table-cell">
                    <LocalTime value={p.receivedAt ?? p.createdAt} show="date" />
                  </TableCell>
                  <TableCell className="whitespace-nowrap">
                    <IntentLink href={`${area}/invoices/${p.invoiceId}`} className="underline-offset-4 hover:underline">
                      {p.invoiceNumber ?? `#${p.invoiceId}`}
                    </IntentLink>
                    <LocalTime value={p.receivedAt ?? p.createdAt} show="date" className="block text-xs text-muted-foreground sm:hidden" />
                  </TableCell>
                  <TableCell className="hidden sm:table-cell">{methodLabel[p.method]}</TableCell>
                  <TableCell>
                    <Badge variant={paymentBadge[p.status]}>{p.status[0]!.toUpperCase() + p.status.slice(1)}</Badge>
                  </TableCell>
                  <TableCell className="text-right tabular-nums">{formatMoney(p.amountMinor, p.currency, locale)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </CardContent>
    </Card>
  );
}
