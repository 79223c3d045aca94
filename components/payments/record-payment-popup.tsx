"use client";

import { FormAlert } from "@/components/forms/form-alert";
import { useDialogForm } from "@/components/forms/use-dialog-form";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { FormField, fieldA11y } from "@/components/ui/form-field";
import { AmountInput } from "@/components/forms/amount-input";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { recordPayment } from "@/lib/actions/payments/record-payment";
import { formatAmountInput, formatMoney, parseMoney } from "@/lib/money";
import { EARLIEST_RECEIVED_ON, methodLabel } from "@/lib/payments/labels";
import { paymentMethods, recordPaymentSchema } from "@/lib/validation/invoices";

export type RecordPaymentProps = { invoiceId: number; number: string; currency: string; locale: string; balanceMinor: number; today: string };

/**
 * Record money received: the whole balance to start with, or any part of it.
 * Loaded on first use by record-payment-dialog.tsx, open from the start
 * because the person clicked; `trigger` is that same button.
 */
export function RecordPaymentPopup({ invoiceId, number, currency, locale, balanceMinor, today, trigger }: RecordPaymentProps & { trigger: React.ReactElement }) {
  const balance = formatMoney(balanceMinor, currency, locale);
  const dialog = useDialogForm({
    action: recordPayment,
    schema: recordPaymentSchema,
    extra: { invoiceId },
    // The same amount checks the server makes, so most mistakes show before sending.
    check: (fields, found) => {
      if (found.amount) return found;
      const amount = parseMoney(fields.amount ?? "", currency, locale);
      if (!amount.ok) return { ...found, amount: [amount.error] };
      if (amount.minor <= 0) return { ...found, amount: ["Enter an amount above zero"] };
      if (amount.minor > balanceMinor) return { ...found, amount: [`At most ${balance}, the balance due`] };
      return found;
    },
    success: (result) => ({ title: result.data!.invoiceStatus === "paid" ? `Payment recorded: ${number} is paid in full` : "Payment recorded" }),
    initiallyOpen: true,
  });
  const { errors, formError, pending } = dialog;

  return (
    <Dialog open={dialog.open} onOpenChange={dialog.onOpenChange}>
      <DialogTrigger asChild>{trigger}</DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>Record a payment on {number}</DialogTitle>
          <DialogDescription>The balance due is {balance}. Record all of it or a part; the client gets a receipt.</DialogDescription>
        </DialogHeader>
        <form onSubmit={dialog.onSubmit} noValidate className="grid gap-4">
          <FormAlert message={formError} />
          <div className="grid gap-4 sm:grid-cols-2">
            <FormField id="payment-amount" label={`Amount (${currency})`} required error={errors.amount}>
              <AmountInput {...fieldA11y("payment-amount", errors.amount)} name="amount" defaultValue={formatAmountInput(balanceMinor, currency, locale)} currency={currency} locale={locale} />
            </FormField>
            <FormField id="payment-method" label="Method" required error={errors.method}>
              <Select {...fieldA11y("payment-method", errors.method)} name="method" defaultValue="bank_transfer">
                {paymentMethods.map((m) => (
                  <option key={m} value={m}>
                    {methodLabel[m]}
                  </option>
                ))}
              </Select>
            </FormField>
            <FormField id="payment-date" label="Date received" required error={errors.receivedOn}>
              <Input {...fieldA11y("payment-date", errors.receivedOn)} name="receivedOn" type="date" defaultValue={today} min={EARLIEST_RECEIVED_ON} max={today} />
            </FormField>
            <FormField id="payment-reference" label="Reference" error={errors.reference}>
              <Input {...fieldA11y("payment-reference", errors.reference)} name="reference" maxLength={120} placeholder="Bank reference, cheque no." autoComplete="off" />
            </FormField>
          </div>
          <DialogFooter>
            <Button type="button" variant="outline" onClick={dialog.close} disabled={pending}>
              Cancel
            </Button>
            <Button type="submit" pending={pending}>
              Record payment
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
