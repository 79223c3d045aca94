import { buttonVariants } from "@/components/ui/button";
import { Icon } from "@/components/ui/icon";
import { IntentLink } from "@/components/ui/intent-link";

/**
 * On the signed invoice link: the owning client, signed in, gets a Pay
 * button into its portal; anyone else with the link is offered to sign in.
 */
export function LinkPayBanner({ href, signedIn, balance }: { href: string; signedIn: boolean; balance: string }) {
  return (
    <div className="mx-auto mb-6 flex w-full max-w-6xl flex-col gap-3 rounded-lg border bg-background p-4 sm:flex-row sm:items-center sm:justify-between">
      <p className="flex items-center gap-2 text-sm">
        <Icon name="credit-card" className="size-4 shrink-0 text-muted-foreground" aria-hidden="true" />
        {signedIn ? `Pay the ${balance} balance, in full or in part.` : `Pay the ${balance} balance online from your client portal.`}
      </p>
      <IntentLink href={href} className={buttonVariants({ className: "shrink-0" })}>
        {signedIn ? "Pay now" : "Sign in to pay"}
      </IntentLink>
    </div>
  );
}
