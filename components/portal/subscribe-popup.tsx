"use client";

import { useState } from "react";
import { FormAlert } from "@/components/forms/form-alert";
import { useValidatedAction } from "@/components/forms/use-validated-action";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { subscribeToService } from "@/lib/actions/portal/subscribe-to-service";
import { newIdempotencyKey } from "@/lib/idempotency-key";
import { subscribeSchema, type ClientPaymentMethod } from "@/lib/validation/portal";
import { PaymentMethodChoice } from "./payment-method-choice";

export type SubscribeProps = { service: { id: number; name: string; price: string; intervalLabel: string; oneTime: boolean }; canSaveCard?: boolean };

/**
 * Confirms a subscription and asks how the client will pay. Success
 * redirects (from the action) to the first invoice, ready to pay; with
 * "Save this card" ticked (only when cards go through Stripe), first to
 * Stripe's page to save the card, then to that invoice. Loaded on first use
 * by subscribe-dialog.tsx, open from the start because the person clicked;
 * `trigger` is that same button.
 *
 * Each opening draws an idempotency key (as useDialogForm does): Enter
 * pressed twice or a retried request orders once, while opening the dialog
 * again orders again (a one-time service may be bought twice). It can't
 * close while it sends, so a new key can't join an order still on its way.
 */
export function SubscribePopup({ service, canSaveCard = false, trigger }: SubscribeProps & { trigger: React.ReactElement }) {
  const [method, setMethod] = useState<ClientPaymentMethod>("card");
  const [open, setOpen] = useState(true);
  // Mounted only in the browser, by the click that opened it, so the first key is drawn at once.
  const [idempotencyKey, setKey] = useState(newIdempotencyKey);
  const { form, pending, errors, formError } = useValidatedAction(subscribeToService, subscribeSchema);
  const verb = service.oneTime ? "Order" : "Subscribe";
  function onOpenChange(next: boolean) {
    if (pending) return;
    setOpen(next);
    if (next) setKey(newIdempotencyKey());
  }
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogTrigger asChild>{trigger}</DialogTrigger>
      <DialogContent className="sm:max-w-lg">
        <DialogHeader>
          <DialogTitle>
            {verb} {service.oneTime ? "" : "to "}
            {service.name}
          </DialogTitle>
          <DialogDescription>
            {service.price} {service.intervalLabel}.{" "}
            {service.oneTime ? "We send you one invoice for it." : "We invoice you each period until you cancel; cancelling takes effect at the end of the period."}
          </DialogDescription>
        </DialogHeader>
        <form {...form} className="grid gap-4">
          <input type="hidden" name="serviceId" value={service.id} />
          <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
          <FormAlert message={formError} />
          <PaymentMethodChoice name="paymentMethod" value={method} onChange={setMethod} legend="How will you pay?" />
          {errors.paymentMethod && <p className="text-sm text-destructive">{errors.paymentMethod[0]}</p>}
          {method === "card" && !service.oneTime && canSaveCard && (
            <div className="flex items-start gap-3 rounded-md border p-3">
              <Checkbox id={`save-card-${service.id}`} name="saveCard" aria-describedby={`save-card-${service.id}-hint`} className="mt-0.5" />
              <div className="grid gap-1">
                <label htmlFor={`save-card-${service.id}`} className="text-sm font-medium">
                  Save this card for future invoices
                </label>
                <p id={`save-card-${service.id}-hint`} className="text-xs text-muted-foreground">
                  You enter it once on Stripe&apos;s secure page; each new invoice is then charged to it. You can remove it from your subscriptions at any time.
                </p>
              </div>
            </div>
          )}
          {method === "card" && !service.oneTime && !canSaveCard && (
            <p className="text-xs text-muted-foreground">Cards are in test mode here, so a card can&apos;t be saved for future invoices: each invoice is emailed to you to pay.</p>
          )}
          <p className="text-sm text-muted-foreground">Your first invoice is created now and emailed to you. You can pay it right away, in full or in part.</p>
          <DialogFooter>
            <Button type="submit" pending={pending}>
              {verb} and see the invoice
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
