"use client";

import { FormAlert } from "@/components/forms/form-alert";
import { useDialogForm } from "@/components/forms/use-dialog-form";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { FormField, fieldA11y } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { emailMyInvoice } from "@/lib/actions/portal/email-my-invoice";
import { emailMyInvoiceSchema } from "@/lib/validation/portal";

export type EmailMyInvoiceProps = { invoiceId: number; number: string; email: string | null };

/**
 * "Email me this invoice": to the account's own address, with optional CCs. One email per opening of the dialog.
 * The dialog makes its own idempotency key on each opening. Loaded on first use by email-invoice-dialog.tsx,
 * open from the start because the person clicked; `trigger` is that same button.
 */
export function EmailInvoicePopup({ invoiceId, number, email, trigger }: EmailMyInvoiceProps & { trigger: React.ReactElement }) {
  const { open, onOpenChange, pending, onSubmit, errors, formError } = useDialogForm({
    action: emailMyInvoice,
    schema: emailMyInvoiceSchema,
    extra: { invoiceId },
    success: (state) => ({ title: `Invoice ${number} emailed`, description: `Sent to ${(state.data as { to: string }).to}. It has the PDF and a private link.` }),
    refresh: false,
    initiallyOpen: true,
  });
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogTrigger asChild>{trigger}</DialogTrigger>
      <DialogContent className="sm:max-w-md">
        <DialogHeader>
          <DialogTitle>Email invoice {number}</DialogTitle>
          <DialogDescription>
            We send it to <span className="font-medium text-foreground">{email}</span> with the PDF attached and a private link to view it online.
          </DialogDescription>
        </DialogHeader>
        <form onSubmit={onSubmit} noValidate className="grid gap-4">
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
