"use client";

import { Banknote } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { FormAlert } from "@/components/forms/form-alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { FormField, fieldA11y } from "@/components/ui/form-field";
import { AmountInput } from "@/components/forms/amount-input";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { toast } from "@/components/ui/toast";
import { recordPayment } from "@/lib/actions/payments/record-payment";
import { fieldErrorsFrom, type FieldErrors } from "@/lib/form-state";
import { newIdempotencyKey } from "@/lib/idempotency-key";
import { formatAmountInput, formatMoney, parseMoney } from "@/lib/money";
import { methodLabel } from "@/lib/payments/labels";
import { paymentMethods, recordPaymentSchema } from "@/lib/validation/invoices";

type Props = { invoiceId: number; number: string; currency: string; locale: string; balanceMinor: number; today: string };

/** Record money received: the whole balance to start with, or any part of it. */
export function RecordPaymentDialog({ invoiceId, number, currency, locale, balanceMinor, today }: Props) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [pending, startTransition] = useTransition();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [key, setKey] = useState(newIdempotencyKey);
  const balance = formatMoney(balanceMinor, currency, locale);

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = Object.fromEntries(new FormData(event.currentTarget)) as Record<string, string>;
    const input = { ...data, invoiceId, idempotencyKey: key };
    const checked = recordPaymentSchema.safeParse(input);
    const out: FieldErrors = checked.success ? {} : fieldErrorsFrom(checked.error);
    // The same checks the server makes, so most mistakes show before sending.
    const amount = parseMoney(data.amount ?? "", currency, locale);
    if (!out.amount && !amount.ok) out.amount = [amount.error];
    else if (!out.amount && amount.ok && amount.minor <= 0) out.amount = ["Enter an amount above zero"];
    else if (!out.amount && amount.ok && amount.minor > balanceMinor) out.amount = [`At most ${balance}, the balance due`];
    if (Object.keys(out).length) {
      setErrors(out);
      setFormError("Check the highlighted fields.");
      return;
    }
    startTransition(async () => {
      const result = await recordPayment(undefined, input);
      if (!result.ok) {
        setErrors(result.fieldErrors);
        setFormError(result.formError);
        return;
      }
      setOpen(false);
      const paid = result.data!.invoiceStatus === "paid";
      toast({ title: paid ? `Payment recorded: ${number} is paid in full` : "Payment recorded", variant: "success" });
      router.refresh();
    });
  }

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        if (pending) return;
        setOpen(next);
        if (next) {
          setKey(newIdempotencyKey());
          setErrors({});
          setFormError(null);
        }
      }}
    >
      <DialogTrigger asChild>
        <Button>
          <Banknote aria-hidden="true" />
          Record payment
        </Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>Record a payment on {number}</DialogTitle>
          <DialogDescription>The balance due is {balance}. Record all of it or a part; the client gets a receipt.</DialogDescription>
        </DialogHeader>
        <form onSubmit={onSubmit} noValidate className="grid gap-4">
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
              <Input {...fieldA11y("payment-date", errors.receivedOn)} name="receivedOn" type="date" defaultValue={today} max={today} />
            </FormField>
            <FormField id="payment-reference" label="Reference" error={errors.reference}>
              <Input {...fieldA11y("payment-reference", errors.reference)} name="reference" maxLength={120} placeholder="Bank reference, cheque no." autoComplete="off" />
            </FormField>
          </div>
          <DialogFooter>
            <Button type="button" variant="outline" onClick={() => setOpen(false)} disabled={pending}>
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
