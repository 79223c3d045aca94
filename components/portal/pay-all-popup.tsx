"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { FormAlert } from "@/components/forms/form-alert";
import { useValidatedAction } from "@/components/forms/use-validated-action";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { Icon } from "@/components/ui/icon";
import { IntentLink } from "@/components/ui/intent-link";
import { toast } from "@/components/ui/toast";
import { payAllInvoices } from "@/lib/actions/portal/pay-all-invoices";
import { newIdempotencyKey } from "@/lib/idempotency-key";
import { formatMoney, sumMinor } from "@/lib/money";
import type { PayAllResult } from "@/lib/portal/pay-all";
import type { TestCard } from "@/lib/payments/providers/types";
import { plural } from "@/lib/plural";
import { payAllSchema } from "@/lib/validation/portal";
import { CardFields } from "./card-fields";
import { TestModeNotice } from "./test-mode-notice";

export type OpenInvoice = { id: number; number: string; due: string; currency: string; balanceMinor: number };

/** One total per currency, in the order the currencies first appear: amounts of different currencies are never added. */
export function totalsByCurrency(invoices: OpenInvoice[]): { currency: string; minor: number }[] {
  const currencies = [...new Set(invoices.map((i) => i.currency))];
  return currencies.map((currency) => ({ currency, minor: sumMinor(invoices.filter((i) => i.currency === currency).map((i) => i.balanceMinor)) }));
}

export type PayAllProps = {
  invoices: OpenInvoice[];
  locale: string;
  provider: { testMode: boolean; testCards: TestCard[]; hosted: boolean };
  idempotencyKey: string;
};

/**
 * "Pay all": a confirmation that lists every open invoice and the total per
 * currency, then one card payment per invoice. With Stripe, whose page takes
 * one invoice at a time, it lists the invoices with a link to pay each.
 * Loaded on first use by pay-all-dialog.tsx, open from the start because the
 * person clicked; `trigger` is that same button.
 */
export function PayAllPopup({ invoices, locale, provider, idempotencyKey, trigger }: PayAllProps & { trigger: React.ReactElement }) {
  const router = useRouter();
  const [open, setOpen] = useState(true);
  const [key, setKey] = useState(idempotencyKey);
  const [result, setResult] = useState<PayAllResult | null>(null);
  const totals = totalsByCurrency(invoices);
  const money = (minor: number, currency: string) => formatMoney(minor, currency, locale);
  const totalText = totals.map((t) => money(t.minor, t.currency)).join(" + ");
  const { form, pending, errors, formError } = useValidatedAction(payAllInvoices, payAllSchema, (state) => {
    const done = state.data as PayAllResult;
    setKey(newIdempotencyKey());
    router.refresh();
    if (done.unpaid.length === 0) {
      const paid = totalsByCurrency(done.paid.map((p) => ({ id: p.invoiceId, number: p.number ?? "", due: "", currency: p.currency, balanceMinor: p.amountMinor })));
      toast({
        title: `Paid ${plural(done.paid.length, "invoice")}`,
        description: `${paid.map((t) => money(t.minor, t.currency)).join(" and ")} in all. A receipt for each is on its way to your email.`,
        variant: "success",
      });
      setOpen(false);
      setResult(null);
      return;
    }
    // Some were not paid: keep the dialog open and say which, and why.
    setResult(done);
    if (done.paid.length > 0)
      toast({ title: `Paid ${plural(done.paid.length, "invoice")} of ${done.paid.length + done.unpaid.length}`, description: "The others were not paid: see why below.", variant: "default" });
  });
  const expected = invoices.map((i) => `${i.id}:${i.balanceMinor}`).join(",");
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (!next) setResult(null);
      }}
    >
      <DialogTrigger asChild>{trigger}</DialogTrigger>
      <DialogContent className="sm:max-w-lg">
        <DialogHeader>
          <DialogTitle>Pay all open invoices</DialogTitle>
          <DialogDescription>
            {provider.hosted ? `${plural(invoices.length, "invoice")} to pay.` : `${plural(invoices.length, "invoice")}, paid in full by card: one payment and one receipt for each.`}
          </DialogDescription>
        </DialogHeader>
        <table className="w-full text-sm" data-testid="pay-all-list">
          <caption className="sr-only">Invoices to pay</caption>
          <thead>
            <tr className="border-b text-left text-xs text-muted-foreground">
              <th scope="col" className="py-1.5 pr-2 font-medium">
                Invoice
              </th>
              <th scope="col" className="py-1.5 pr-2 font-medium">
                Due
              </th>
              <th scope="col" className="py-1.5 text-right font-medium">
                Balance
              </th>
            </tr>
          </thead>
          <tbody>
            {invoices.map((i) => (
              <tr key={i.id} className="border-b">
                <th scope="row" className="py-1.5 pr-2 text-left font-medium">
                  {provider.hosted ? (
                    <IntentLink href={`/portal/invoices/${i.id}#pay`} className="text-primary underline-offset-4 hover:underline">
                      {i.number}
                    </IntentLink>
                  ) : (
                    i.number
                  )}
                </th>
                <td className="whitespace-nowrap py-1.5 pr-2 text-muted-foreground">{i.due}</td>
                <td className="whitespace-nowrap py-1.5 text-right tabular-nums">{money(i.balanceMinor, i.currency)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            {totals.map((t) => (
              <tr key={t.currency} className="font-semibold">
                <th scope="row" colSpan={2} className="pt-2 text-left">
                  {totals.length > 1 ? `Total in ${t.currency}` : "Total"}
                </th>
                <td className="whitespace-nowrap pt-2 text-right tabular-nums" data-testid="pay-all-total">
                  {money(t.minor, t.currency)}
                </td>
              </tr>
            ))}
          </tfoot>
        </table>
        {totals.length > 1 && <p className="text-xs text-muted-foreground">Each currency is charged separately; amounts in different currencies are not added together.</p>}
        {result && <Unpaid result={result} money={money} />}
        {provider.hosted ? (
          <p className="rounded-md border bg-muted/40 p-3 text-sm">
            Card payments go through Stripe&apos;s secure page, one invoice at a time. Pick an invoice above to pay it; you come back here after each one.
          </p>
        ) : (
          <form {...form} className="grid gap-4">
            <input type="hidden" name="expected" value={expected} />
            <input type="hidden" name="idempotencyKey" value={key} />
            <FormAlert message={formError} />
            {provider.testMode && <TestModeNotice cards={provider.testCards} />}
            <CardFields errors={errors} idPrefix="all-" />
            <Button type="submit" pending={pending} className="w-full sm:w-auto sm:justify-self-end">
              {totals.length === 1 ? `Pay ${totalText}` : `Pay ${plural(invoices.length, "invoice")}`}
            </Button>
          </form>
        )}
      </DialogContent>
    </Dialog>
  );
}

function Unpaid({ result, money }: { result: PayAllResult; money: (minor: number, currency: string) => string }) {
  return (
    <div role="alert" className="grid gap-1 rounded-md border border-destructive/40 bg-destructive/10 p-3 text-sm">
      <p className="flex items-center gap-2 font-medium text-destructive">
        <Icon name="circle-exclamation-point" className="size-4 shrink-0" aria-hidden="true" />
        {result.paid.length > 0 ? `${plural(result.paid.length, "invoice")} paid; ${plural(result.unpaid.length, "invoice")} not paid` : "Nothing was paid"}
      </p>
      <ul className="grid gap-1">
        {result.unpaid.map((u) => (
          <li key={u.invoiceId}>
            <span className="font-medium">{u.number}</span> ({money(u.amountMinor, u.currency)}): {u.reason}
          </li>
        ))}
      </ul>
    </div>
  );
}
