"use client";

import { Mail } from "lucide-react";
import { useState } from "react";
import { FormAlert } from "@/components/forms/form-alert";
import { useValidatedAction } from "@/components/forms/use-validated-action";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { FormField, fieldA11y } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { toast } from "@/components/ui/toast";
import { emailMyInvoice } from "@/lib/actions/portal/email-my-invoice";
import { newIdempotencyKey } from "@/lib/idempotency-key";
import { emailMyInvoiceSchema } from "@/lib/validation/portal";

/** "Email me this invoice": to the account's own address, with optional CCs. One email per opening of the dialog. */
export function EmailInvoiceDialog({ invoiceId, number, email, idempotencyKey }: { invoiceId: number; number: string; email: string | null; idempotencyKey: string }) {
  const [open, setOpen] = useState(false);
  const [key, setKey] = useState(idempotencyKey);
  const { formAction, pending, onSubmit, errors, formError } = useValidatedAction(emailMyInvoice, emailMyInvoiceSchema, (state) => {
    const data = state.data as { to: string };
    toast({ title: `Invoice ${number} emailed`, description: `Sent to ${data.to}. It has the PDF and a private link.`, variant: "success" });
    setOpen(false);
    setKey(newIdempotencyKey());
  });
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant="outline" disabled={!email}>
          <Mail aria-hidden="true" />
          Email me this invoice
        </Button>
      </DialogTrigger>
      <DialogContent className="sm:max-w-md">
        <DialogHeader>
          <DialogTitle>Email invoice {number}</DialogTitle>
          <DialogDescription>
            We send it to <span className="font-medium text-foreground">{email}</span> with the PDF attached and a private link to view it online.
          </DialogDescription>
        </DialogHeader>
        <form action={formAction} onSubmit={onSubmit} noValidate className="grid gap-4">
          <input type="hidden" name="invoiceId" value={invoiceId} />
          <input type="hidden" name="idempotencyKey" value={key} />
          <FormAlert message={formError} />
          <FormField id="cc" label="CC (optional)" error={errors.cc} hint="Up to five more addresses, separated by commas, e.g. your accountant.">
            <Input {...fieldA11y("cc", errors.cc, true)} name="cc" type="text" inputMode="email" autoComplete="off" />
          </FormField>
          <DialogFooter>
            <Button type="submit" pending={pending}>
              Send email
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
