"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Icon } from "@/components/ui/icon";
import { toast } from "@/components/ui/toast";
import { newIdempotencyKey } from "@/lib/idempotency-key";
import { formatMoney } from "@/lib/money";
import type { PortalPayResult } from "@/lib/portal/pay-invoice";
import { PayForm, type PayFormProps } from "./pay-form";

type PayCardProps = Omit<PayFormProps, "onResult">;

/** The pay form and what the last payment did. After a payment the page refreshes and the form starts over on the new balance. */
export function PayCard(props: PayCardProps) {
  const router = useRouter();
  const [result, setResult] = useState<PortalPayResult | null>(null);
  const [round, setRound] = useState({ n: 0, key: props.idempotencyKey });
  const money = (minor: number) => formatMoney(minor, props.currency, props.locale);
  function onResult(next: PortalPayResult) {
    if (next.outcome === "redirect") {
      // Stripe's hosted page takes the card; it sends the client back to this invoice.
      window.location.assign(next.url);
      return;
    }
    setResult(next);
    if (next.outcome === "declined") return;
    if (next.outcome === "succeeded") toast({ title: `Payment of ${money(next.amountMinor)} received`, description: "A receipt is on its way to your email.", variant: "success" });
    // A new payment starts with a fresh form and a fresh key.
    setRound((r) => ({ n: r.n + 1, key: newIdempotencyKey() }));
    router.refresh();
  }
  return (
    <div className="grid gap-4">
      {result && <ResultBanner result={result} money={money} />}
      {props.balanceMinor > 0 ? (
        <PayForm key={`${round.n}:${props.balanceMinor}`} {...props} idempotencyKey={round.key} defaultMethod={props.defaultMethod} onResult={onResult} />
      ) : result ? null : (
        <p className="flex items-center gap-2 text-sm font-medium">
          <Icon name="circle-check" className="size-4 text-success" aria-hidden="true" />
          This invoice is paid in full. Thank you!
        </p>
      )}
    </div>
  );
}

function ResultBanner({ result, money }: { result: PortalPayResult; money: (minor: number) => string }) {
  switch (result.outcome) {
    case "succeeded":
      return (
        <p role="status" className="flex items-start gap-2 rounded-md border border-success/40 bg-success/10 p-3 text-sm">
          <Icon name="circle-check" className="mt-0.5 size-4 shrink-0 text-success" aria-hidden="true" />
          <span>
            Paid {money(result.amountMinor)}. {result.balanceMinor > 0 ? `${money(result.balanceMinor)} left to pay.` : "The invoice is paid in full."} We emailed you a receipt.
          </span>
        </p>
      );
    case "declined":
      return (
        <p role="alert" className="flex items-start gap-2 rounded-md border border-destructive/40 bg-destructive/10 p-3 text-sm text-destructive">
          <Icon name="circle-exclamation-point" className="mt-0.5 size-4 shrink-0" aria-hidden="true" />
          <span>Payment declined: {result.reason} Nothing was charged and your balance is unchanged. Check the details or try another card.</span>
        </p>
      );
    case "pending":
      return (
        <div role="status" className="grid gap-1 rounded-md border border-warning/50 bg-warning/10 p-3 text-sm">
          <p className="flex items-center gap-2 font-medium">
            <Icon name="clock" className="size-4" aria-hidden="true" />
            Payment of {money(result.amountMinor)} noted, waiting for the money
          </p>
          {result.instructions && <p className="whitespace-pre-line text-muted-foreground">{result.instructions}</p>}
          <p className="text-muted-foreground">We mark the invoice paid once it arrives, and email you a receipt.</p>
        </div>
      );
    case "redirect":
      return null;
    case "processing":
      return (
        <p role="status" className="flex items-center gap-2 rounded-md border p-3 text-sm">
          <Icon name="clock" className="size-4" aria-hidden="true" />
          Your payment is being processed. Reload the page in a moment to see it.
        </p>
      );
  }
}
