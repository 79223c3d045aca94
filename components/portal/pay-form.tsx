"use client";

import { useState } from "react";
import { FormAlert } from "@/components/forms/form-alert";
import { useValidatedAction } from "@/components/forms/use-validated-action";
import { Button } from "@/components/ui/button";
import { FormField, fieldA11y } from "@/components/ui/form-field";
import { AmountInput } from "@/components/forms/amount-input";
import { payInvoiceByLink } from "@/lib/actions/links/pay-invoice-by-link";
import { payInvoice } from "@/lib/actions/portal/pay-invoice";
import { newIdempotencyKey } from "@/lib/idempotency-key";
import { formatAmountInput, formatMoney, parseMoney } from "@/lib/money";
import type { PortalPayResult } from "@/lib/portal/pay-invoice";
import type { TestCard } from "@/lib/payments/providers/types";
import type { ClientPaymentMethod } from "@/lib/validation/portal";
import { CardFields } from "./card-fields";
import { PaymentMethodChoice } from "./payment-method-choice";
import { TestModeNotice } from "./test-mode-notice";
import { cn } from "@/lib/utils";

const linkPaySchema = () => import("@/lib/validation/portal").then((m) => m.linkPaySchema);
const payInvoiceSchema = () => import("@/lib/validation/portal").then((m) => m.payInvoiceSchema);

export type PayFormProps = {
  invoiceId: number;
  balanceMinor: number;
  currency: string;
  /** The business's locale: how the amount is typed and shown. */
  locale: string;
  minPaymentMinor: number;
  defaultMethod: ClientPaymentMethod;
  /** Generated when the form renders: a double submit carries the same key and pays once. */
  idempotencyKey: string;
  /** hosted: the card is taken on the provider's own page (Stripe Checkout), so no card fields here. */
  provider: { testMode: boolean; testCards: TestCard[]; hosted: boolean };
  instructions: { bank: string | null; cash: string | null };
  /** Paying from a signed link (/i/<token>) without signing in: the token names the invoice, and only a card is taken. */
  linkToken?: string;
  onResult: (result: PortalPayResult) => void;
};

/**
 * Pay the full balance or part of it (at least the minimum from settings,
 * unless that is the whole balance), by card, bank transfer or cash.
 */
export function PayForm(props: PayFormProps) {
  const { balanceMinor, currency, locale } = props;
  const balanceText = formatAmountInput(balanceMinor, currency, locale);
  const [method, setMethod] = useState<ClientPaymentMethod>(props.defaultMethod);
  const [mode, setMode] = useState<"full" | "part">("full");
  // Empty until typed: a pre-filled figure in "part of it" would have to be deleted first.
  const [amount, setAmount] = useState("");
  const [key, setKey] = useState(props.idempotencyKey);
  const byLink = props.linkToken !== undefined;
  const { form, pending, errors, formError } = useValidatedAction(byLink ? payInvoiceByLink : payInvoice, byLink ? linkPaySchema : payInvoiceSchema, (state) => {
    const result = state.data as PortalPayResult;
    // A declined card may be retried with other details: that is a new payment, with a new key.
    if (result.outcome === "declined") setKey(newIdempotencyKey());
    props.onResult(result);
  });
  const parsed = parseMoney(mode === "full" ? balanceText : amount, currency, locale);
  const payLabel = parsed.ok && parsed.minor > 0 ? formatMoney(parsed.minor, currency, locale) : "";
  const min = Math.min(props.minPaymentMinor, balanceMinor);
  const instructions = method === "bank_transfer" ? props.instructions.bank : method === "cash" ? props.instructions.cash : null;
  return (
    <form {...form} className="grid gap-5">
      {byLink ? <input type="hidden" name="token" value={props.linkToken} /> : <input type="hidden" name="invoiceId" value={props.invoiceId} />}
      <input type="hidden" name="idempotencyKey" value={key} />
      <FormAlert message={formError} />
      <fieldset className="grid gap-2">
        <legend className="mb-2 text-sm font-medium">Amount</legend>
        <label className="flex cursor-pointer items-center gap-2 text-sm">
          <input type="radio" name="amountMode" value="full" checked={mode === "full"} onChange={() => setMode("full")} className="size-4 accent-[hsl(var(--primary))]" />
          Full balance
        </label>
        <label className="flex cursor-pointer items-center gap-2 text-sm">
          <input type="radio" name="amountMode" value="part" checked={mode === "part"} onChange={() => setMode("part")} className="size-4 accent-[hsl(var(--primary))]" />
          Part of it
        </label>
        {mode === "full" && <input type="hidden" name="amount" value={balanceText} />}
        <div className={cn("pl-6", mode === "full" && "hidden")}>
          <FormField id="amount" label={`Amount (${currency})`} error={errors.amount} hint={`At least ${formatMoney(min, currency, locale)}, at most ${formatMoney(balanceMinor, currency, locale)}.`}>
            <AmountInput
              {...fieldA11y("amount", errors.amount, true)}
              name={mode === "part" ? "amount" : undefined}
              currency={currency}
              locale={locale}
              value={amount}
              onChange={(e) => setAmount(e.target.value)}
              onValueChange={setAmount}
              disabled={mode === "full"}
              className="max-w-40"
            />
          </FormField>
        </div>
      </fieldset>
      {byLink ? <input type="hidden" name="method" value="card" /> : <PaymentMethodChoice name="method" value={method} onChange={setMethod} />}
      {method === "card" && props.provider.hosted && (
        <div className="rounded-md border bg-muted/40 p-3 text-sm">
          <input type="hidden" name="checkout" value="on" />
          <p className="font-medium">You&apos;ll enter your card on Stripe&apos;s secure payment page</p>
          <p className="mt-1 text-muted-foreground">Then you come back here. Your card details never reach us.{props.provider.testMode ? " Stripe is in test mode: no real card is charged." : ""}</p>
        </div>
      )}
      {method === "card" && !props.provider.hosted && (
        <div className="grid gap-4">
          {props.provider.testMode && <TestModeNotice cards={props.provider.testCards} />}
          <CardFields errors={errors} />
        </div>
      )}
      {method !== "card" && (
        <div className="rounded-md border bg-muted/40 p-3 text-sm">
          <p className="font-medium">{method === "bank_transfer" ? "How to pay by bank transfer" : "How to pay in cash"}</p>
          <p className="mt-1 whitespace-pre-line text-muted-foreground">{instructions ?? "Contact us for where to pay, and we'll mark the invoice paid when the money arrives."}</p>
          <p className="mt-2 text-muted-foreground">Tell us you are paying now; we mark the invoice paid when the money arrives.</p>
        </div>
      )}
      <Button type="submit" pending={pending} className="w-full sm:w-auto">
        {method === "card" ? `Pay ${payLabel}`.trim() : `I'll pay ${payLabel ? `${payLabel} ` : ""}by ${method === "cash" ? "cash" : "bank transfer"}`}
      </Button>
    </form>
  );
}
