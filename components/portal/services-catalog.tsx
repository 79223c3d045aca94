import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Icon } from "@/components/ui/icon";
import { IntentLink } from "@/components/ui/intent-link";
import type { PortalService } from "@/db/queries/portal-services";
import { formatMoney } from "@/lib/money";
import { intervalLabel } from "./labels";
import { SubscribeDialog } from "./subscribe-dialog";

/** Active services as cards with price and interval; the ones already subscribed say so instead of offering a button. */
export function ServicesCatalog({ services, locale, canSaveCard = false }: { services: PortalService[]; locale: string; canSaveCard?: boolean }) {
  if (services.length === 0) return <EmptyState icon={<Icon name="package" />} title="No services on offer right now" description="Check back soon, or contact us about what you need." />;
  return (
    <ul className="grid gap-4 sm:grid-cols-2 xl:grid-cols-3">
      {services.map((s) => {
        const price = formatMoney(s.priceMinor, s.currency, locale);
        const subscribed = s.subscribed && s.interval !== "one_time";
        return (
          <li key={s.id}>
            <Card className="flex h-full flex-col">
              <CardHeader>
                <div className="flex items-start justify-between gap-2">
                  <CardTitle className="leading-snug">{s.name}</CardTitle>
                  <Badge variant="outline">{s.interval === "one_time" ? "One-time" : intervalLabel[s.interval].replace("per ", "Every ")}</Badge>
                </div>
                <p className="text-2xl font-semibold tabular-nums">
                  {price} <span className="text-sm font-normal text-muted-foreground">{intervalLabel[s.interval]}</span>
                </p>
              </CardHeader>
              <CardContent className="flex-1">{s.description && <CardDescription className="whitespace-pre-line">{s.description}</CardDescription>}</CardContent>
              <CardFooter>
                {subscribed ? (
                  <p className="flex items-center gap-2 text-sm font-medium text-success">
                    <Icon name="check" className="size-4" aria-hidden="true" />
                    You subscribe to this.{" "}
                    <IntentLink href="/portal/subscriptions" className="text-primary underline-offset-4 hover:underline">
                      Manage
                    </IntentLink>
                  </p>
                ) : (
                  <SubscribeDialog service={{ id: s.id, name: s.name, price, intervalLabel: intervalLabel[s.interval], oneTime: s.interval === "one_time" }} canSaveCard={canSaveCard} />
                )}
              </CardFooter>
            </Card>
          </li>
        );
      })}
    </ul>
  );
}
