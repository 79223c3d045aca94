"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { AmountInput } from "@/components/forms/amount-input";
import { FormAlert } from "@/components/forms/form-alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { FormField, fieldA11y } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { toast } from "@/components/ui/toast";
import { refundPayment } from "@/lib/actions/payments/refund-payment";
import type { FieldErrors } from "@/lib/form-state";
import { formatAmountInput, formatMoney, parseMoney } from "@/lib/money";

export type RefundPaymentProps = {
  paymentId: number;
  currency: string;
  locale: string;
  /** What is left to refund on the payment. */
  refundableMinor: number;
  /** A Stripe card payment: the money goes back through Stripe, and its webhook moves the invoice. */
  viaStripe: boolean;
  /** Money the invoice never took (it overshot the balance): refunding it leaves the invoice as it is. */
  refundDue?: boolean;
  triggerLabel?: string;
};

/**
 * Refund all of a payment or a part: the amount starts as what is left to
 * refund. Loaded on first use by refund-payment-dialog.tsx, open from the
 * start because the person clicked; `trigger` is that same button.
 */
export function RefundPaymentPopup({
  paymentId,
  currency,
  locale,
  refundableMinor,
  viaStripe,
  refundDue = false,
  trigger,
}: Omit<RefundPaymentProps, "triggerLabel"> & { trigger: React.ReactElement }) {
  const router = useRouter();
  const [open, setOpen] = useState(true);
  const [pending, startTransition] = useTransition();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const refundable = formatMoney(refundableMinor, currency, locale);
  const fieldId = `refund-amount-${paymentId}`;
  const reasonId = `refund-reason-${paymentId}`;

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = Object.fromEntries(new FormData(event.currentTarget)) as { amount?: string; reason?: string };
    // The same checks the server makes, so most mistakes show before sending.
    const amount = parseMoney(data.amount ?? "", currency, locale);
    const error = !amount.ok ? amount.error : amount.minor <= 0 ? "Enter an amount above zero" : amount.minor > refundableMinor ? `At most ${refundable}, what is left to refund` : null;
    if (error) {
      setErrors({ amount: [error] });
      setFormError("Check the highlighted fields.");
      return;
    }
    startTransition(async () => {
      // What was left when the dialog opened: the same refund sent twice refunds once (the second is refused).
      const result = await refundPayment(undefined, { paymentId, refundableMinor, amount: data.amount ?? "", reason: data.reason ?? "" });
      // Updates after an await leave the transition unless wrapped again: the refusal (or the closing) and the
      // end of `pending` are drawn together, so Escape and Cancel never meet a dialog still "sending".
      startTransition(() => {
        if (!result.ok) {
          setErrors(result.fieldErrors);
          // What was left when it opened is no field of the dialog's: its refusal (a page from before a deploy) goes to the alert.
          setFormError(result.fieldErrors.refundableMinor?.[0] ?? result.formError);
          // A refusal may come from a payment that moved since the page was drawn (a refund Stripe has since confirmed):
          // the page's figures, and the amount this dialog sends as left, are read again.
          router.refresh();
        } else setOpen(false);
      });
      if (!result.ok) return;
      const refunded = amount.ok ? formatMoney(amount.minor, currency, locale) : refundable;
      toast(
        viaStripe
          ? { title: `Refund of ${refunded} sent to Stripe`, description: "The payment and the invoice update when Stripe confirms it, usually within seconds.", variant: "success" }
          : { title: `Refund of ${refunded} recorded`, variant: "success" },
      );
      router.refresh();
    });
  }

  const description = viaStripe
    ? refundDue
      ? `Stripe sends the money back to the client's card. This payment never counted toward the invoice, so its balance doesn't change. Up to ${refundable}.`
      : `Stripe sends the money back to the client's card, and the invoice's balance goes up by the amount once Stripe confirms. Up to ${refundable}.`
    : `Record money that went back to the client; the invoice's balance goes up by the amount. Send the money itself through your bank. Up to ${refundable}.`;

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        if (pending) return;
        setOpen(next);
        if (next) {
          setErrors({});
          setFormError(null);
        }
      }}
    >
      <DialogTrigger asChild>{trigger}</DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>Refund this payment?</DialogTitle>
          <DialogDescription>{description}</DialogDescription>
        </DialogHeader>
        <form onSubmit={onSubmit} noValidate className="grid gap-4">
          <FormAlert message={formError} />
          <FormField id={fieldId} label={`Amount to refund (${currency})`} required error={errors.amount}>
            <AmountInput {...fieldA11y(fieldId, errors.amount)} name="amount" defaultValue={formatAmountInput(refundableMinor, currency, locale)} currency={currency} locale={locale} />
          </FormField>
          <FormField id={reasonId} label="Reason" error={errors.reason}>
            <Input {...fieldA11y(reasonId, errors.reason)} name="reason" maxLength={300} autoComplete="off" placeholder="Optional, kept in the audit log" />
          </FormField>
          <DialogFooter>
            <Button type="button" variant="outline" onClick={() => setOpen(false)} disabled={pending}>
              Cancel
            </Button>
            <Button type="submit" variant="destructive" pending={pending}>
              {viaStripe ? "Refund through Stripe" : "Record refund"}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
