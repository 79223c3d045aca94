import { Badge } from "@/components/ui/badge";
import { buttonVariants } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Icon } from "@/components/ui/icon";
import { IntentLink } from "@/components/ui/intent-link";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { PortalSubscription } from "@/db/queries/portal-services";
import { LocalTime } from "@/components/time/viewer-time";
import { formatDate } from "@/lib/dates";
import { formatMoney } from "@/lib/money";
import { methodLabel } from "@/lib/payments/labels";
import { intervalLabel } from "./labels";
import { RemoveCardButton } from "./remove-card-button";
import { SubscriptionActions } from "./subscription-actions";

function StatusBadge({ sub }: { sub: PortalSubscription }) {
  if (sub.status === "cancelled") return <Badge variant="muted">Ended</Badge>;
  if (sub.status === "paused") return <Badge variant="secondary">Paused</Badge>;
  if (sub.interval === "one_time") return <Badge variant="outline">One-time</Badge>;
  if (sub.cancelAtPeriodEnd) return <Badge variant="warning">Ends {formatDate(sub.currentPeriodEnd)}</Badge>;
  return <Badge variant="success">Active</Badge>;
}

/** The client's subscriptions with what each costs, how it is paid, when it renews, and cancel or keep. */
export function SubscriptionsList({ subscriptions, locale, savedCards = new Map() }: { subscriptions: PortalSubscription[]; locale: string; savedCards?: Map<number, string> }) {
  if (subscriptions.length === 0) {
    return (
      <EmptyState
        icon={<Icon name="repeat" />}
        title="No subscriptions yet"
        description="Subscribe to a service and it shows up here, with its renewal date."
        action={
          <IntentLink href="/portal/services" className={buttonVariants()}>
            Browse services
          </IntentLink>
        }
      />
    );
  }
  return (
    <Table aria-label="Subscriptions">
      <TableHeader>
        <TableRow>
          <TableHead>Service</TableHead>
          <TableHead className="hidden sm:table-cell">Price</TableHead>
          <TableHead className="hidden md:table-cell">Paid by</TableHead>
          <TableHead className="hidden md:table-cell">Renews</TableHead>
          <TableHead>Status</TableHead>
          <TableHead className="text-right">
            <span className="sr-only">Actions</span>
          </TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {subscriptions.map((s) => {
          const live = s.status === "active" && s.interval !== "one_time";
          const card = savedCards.get(s.id);
          return (
            <TableRow key={s.id}>
              <TableCell>
                <div className="font-medium">{s.serviceName}</div>
                <div className="text-xs text-muted-foreground sm:hidden">
                  {formatMoney(s.priceMinor, s.currency, locale)} {intervalLabel[s.interval]}
                </div>
                <div className="text-xs text-muted-foreground">
                  Since <LocalTime value={s.startedAt} show="date" />
                </div>
                {card && <div className="text-xs text-muted-foreground md:hidden">Card on file: {card}</div>}
              </TableCell>
              <TableCell className="hidden whitespace-nowrap tabular-nums sm:table-cell">
                {formatMoney(s.priceMinor, s.currency, locale)} <span className="text-muted-foreground">{intervalLabel[s.interval]}</span>
              </TableCell>
              <TableCell className="hidden md:table-cell">
                {methodLabel[s.paymentMethod]}
                {card && (
                  <div className="text-xs text-muted-foreground">
                    {card}, {s.status === "cancelled" ? "still saved with Stripe; no longer charged" : "charged when each invoice is issued"}
                  </div>
                )}
              </TableCell>
              <TableCell className="hidden whitespace-nowrap md:table-cell">{live && !s.cancelAtPeriodEnd ? formatDate(s.currentPeriodEnd) : "—"}</TableCell>
              <TableCell>
                <StatusBadge sub={s} />
              </TableCell>
              <TableCell className="text-right">
                <div className="flex flex-wrap justify-end gap-2">
                  {card && <RemoveCardButton id={s.id} name={s.serviceName} card={card} ended={s.status === "cancelled"} />}
                  {live && <SubscriptionActions id={s.id} name={s.serviceName} periodEnd={formatDate(s.currentPeriodEnd)} cancelling={s.cancelAtPeriodEnd} />}
                </div>
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
