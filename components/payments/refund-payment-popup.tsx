"use client";

import { AmountInput } from "@/components/forms/amount-input";
import { FormAlert } from "@/components/forms/form-alert";
import { useDialogForm } from "@/components/forms/use-dialog-form";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { FormField, fieldA11y } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { refundPayment } from "@/lib/actions/payments/refund-payment";
import { formatAmountInput, formatMoney, parseMoney } from "@/lib/money";
import { refundPaymentSchema } from "@/lib/validation/invoices";

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
  const refundable = formatMoney(refundableMinor, currency, locale);
  const fieldId = `refund-amount-${paymentId}`;
  const reasonId = `refund-reason-${paymentId}`;
  const dialog = useDialogForm({
    action: refundPayment,
    schema: refundPaymentSchema,
    // What was left when the dialog opened: the same refund sent twice refunds once (the second is refused).
    // That is the refund's replay guard, so it sends no idempotency key.
    extra: { paymentId, refundableMinor },
    idempotent: false,
    // The same amount checks the server makes, so most mistakes show before sending.
    check: (fields, found) => {
      if (found.amount) return found;
      const amount = parseMoney(fields.amount ?? "", currency, locale);
      if (!amount.ok) return { ...found, amount: [amount.error] };
      if (amount.minor <= 0) return { ...found, amount: ["Enter an amount above zero"] };
      if (amount.minor > refundableMinor) return { ...found, amount: [`At most ${refundable}, what is left to refund`] };
      return found;
    },
    success: (_, sent) => {
      const amount = parseMoney(sent.amount ?? "", currency, locale);
      const refunded = amount.ok ? formatMoney(amount.minor, currency, locale) : refundable;
      return viaStripe
        ? { title: `Refund of ${refunded} sent to Stripe`, description: "The payment and the invoice update when Stripe confirms it, usually within seconds." }
        : { title: `Refund of ${refunded} recorded` };
    },
    // A refusal may come from a payment that moved since the page was drawn (a refund Stripe has since confirmed):
    // the page's figures, and the amount this dialog sends as left, are read again.
    refreshOnRefusal: true,
    initiallyOpen: true,
  });
  const { errors, formError, pending } = dialog;

  const description = viaStripe
    ? refundDue
      ? `Stripe sends the money back to the client's card. This payment never counted toward the invoice, so its balance doesn't change. Up to ${refundable}.`
      : `Stripe sends the money back to the client's card, and the invoice's balance goes up by the amount once Stripe confirms. Up to ${refundable}.`
    : `Record money that went back to the client; the invoice's balance goes up by the amount. Send the money itself through your bank. Up to ${refundable}.`;

  return (
    <Dialog open={dialog.open} onOpenChange={dialog.onOpenChange}>
      <DialogTrigger asChild>{trigger}</DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>Refund this payment?</DialogTitle>
          <DialogDescription>{description}</DialogDescription>
        </DialogHeader>
        <form onSubmit={dialog.onSubmit} noValidate className="grid gap-4">
          <FormAlert message={formError} />
          <FormField id={fieldId} label={`Amount to refund (${currency})`} required error={errors.amount}>
            <AmountInput {...fieldA11y(fieldId, errors.amount)} name="amount" defaultValue={formatAmountInput(refundableMinor, currency, locale)} currency={currency} locale={locale} />
          </FormField>
          <FormField id={reasonId} label="Reason" error={errors.reason}>
            <Input {...fieldA11y(reasonId, errors.reason)} name="reason" maxLength={300} autoComplete="off" placeholder="Optional, kept in the audit log" />
          </FormField>
          <DialogFooter>
            <Button type="button" variant="outline" onClick={dialog.close} disabled={pending}>
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
