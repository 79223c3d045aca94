import type { Metadata } from "next";
import { SubscriptionsList } from "@/components/portal/subscriptions-list";
import { PageHeader } from "@/components/shell/page-header";
import { buttonVariants } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { IntentLink } from "@/components/ui/intent-link";
import { listPortalSubscriptions } from "@/db/queries/portal-services";
import { requireClientScope } from "@/lib/auth/client-scope";
import { getBusinessTime } from "@/lib/business-time";
import { stripeConfigured } from "@/lib/env";
import { describeSavedCard } from "@/lib/payments/stripe/card-on-file";

export const metadata: Metadata = { title: "Subscriptions" };

export default async function PortalSubscriptionsPage() {
  const scope = await requireClientScope();
  const [subscriptions, { locale }] = await Promise.all([listPortalSubscriptions(scope.clientId), getBusinessTime()]);
  // Stripe alone holds the cards: each saved one is described from there. An ended subscription's card
  // is listed too, so it can still be removed: ending one leaves its card saved (nothing charges it again).
  const withCards = stripeConfigured() ? subscriptions.filter((s) => s.savedCardId) : [];
  const savedCards = new Map(await Promise.all(withCards.map(async (s) => [s.id, await describeSavedCard(s.savedCardId!)] as const)));
  return (
    <>
      <PageHeader
        title="Subscriptions"
        description="The services you subscribe to. Cancelling takes effect at the end of the current period."
        actions={
          <IntentLink href="/portal/services" className={buttonVariants({ variant: "outline" })}>
            Browse services
          </IntentLink>
        }
      />
      {subscriptions.length === 0 ? (
        <SubscriptionsList subscriptions={subscriptions} locale={locale} />
      ) : (
        <Card>
          <CardContent className="p-0 sm:p-2">
            <SubscriptionsList subscriptions={subscriptions} locale={locale} savedCards={savedCards} />
          </CardContent>
        </Card>
      )}
    </>
  );
}
