"use client";

import { ConfirmAction } from "@/components/forms/confirm-action";
import { Icon } from "@/components/ui/icon";
import { runBilling } from "@/lib/actions/invoices/run-billing";
import { plural } from "@/lib/plural";

/** Bills every subscription that owes an invoice for its current period. Safe to press twice. */
export function RunBillingButton() {
  return (
    <ConfirmAction
      action={runBilling}
      input={{}}
      trigger={
        <>
          <Icon name="refresh-cw" aria-hidden="true" />
          Run billing
        </>
      }
      title="Run subscription billing now?"
      description="Every active subscription that has no invoice for its current period gets one: issued, numbered and emailed to the client. Periods already billed are skipped, so running it again creates nothing new."
      confirmLabel="Run billing"
      successMessage={(d) => (d?.created ? `${plural(d.created, "invoice")} created` : "Nothing to bill: every subscription is up to date")}
    />
  );
}
