"use client";

import { FormAlert } from "@/components/forms/form-alert";
import { useDialogForm } from "@/components/forms/use-dialog-form";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { FormField, fieldA11y } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import { emailInvoice } from "@/lib/actions/invoices/email-invoice";
import { emailInvoiceSchema } from "@/lib/validation/invoices";
import { plural } from "@/lib/plural";

export type EmailInvoiceProps = { invoiceId: number; number: string; clientEmail: string | null; companyName: string; variant?: "default" | "outline" };

/**
 * Email the invoice: TO is the client's address to start with; CC and BCC
 * take several addresses, each checked. The PDF goes as an attachment with a
 * private link in the message. Loaded on first use by email-invoice-dialog.tsx,
 * open from the start because the person clicked; `trigger` is that same button.
 */
export function EmailInvoicePopup({ invoiceId, number, clientEmail, companyName, trigger }: Omit<EmailInvoiceProps, "variant"> & { trigger: React.ReactElement }) {
  const dialog = useDialogForm({
    action: emailInvoice,
    schema: emailInvoiceSchema,
    extra: { invoiceId },
    success: (result, sent) => ({
      title: result.data?.created === false ? "That email was already queued" : `Invoice emailed to ${plural(sent.to.length + sent.cc.length + sent.bcc.length, "recipient")}`,
    }),
    initiallyOpen: true,
  });
  const { errors, formError, pending } = dialog;

  return (
    <Dialog open={dialog.open} onOpenChange={dialog.onOpenChange}>
      <DialogTrigger asChild>{trigger}</DialogTrigger>
      <DialogContent className="max-w-xl">
        <DialogHeader>
          <DialogTitle>Email invoice {number}</DialogTitle>
          <DialogDescription>The PDF is attached, and the message has a private link to view and download it.</DialogDescription>
        </DialogHeader>
        <form onSubmit={dialog.onSubmit} noValidate className="grid gap-4">
          <FormAlert message={formError} />
          <FormField id="email-to" label="To" required error={errors.to} hint="Separate several addresses with commas.">
            <Input {...fieldA11y("email-to", errors.to, true)} name="to" defaultValue={clientEmail ?? ""} autoComplete="off" inputMode="email" />
          </FormField>
          <div className="grid gap-4 sm:grid-cols-2">
            <FormField id="email-cc" label="CC" error={errors.cc}>
              <Input {...fieldA11y("email-cc", errors.cc)} name="cc" autoComplete="off" inputMode="email" placeholder="e.g. accounts@example.com" />
            </FormField>
            <FormField id="email-bcc" label="BCC" error={errors.bcc}>
              <Input {...fieldA11y("email-bcc", errors.bcc)} name="bcc" autoComplete="off" inputMode="email" />
            </FormField>
          </div>
          <FormField id="email-subject" label="Subject" required error={errors.subject}>
            <Input {...fieldA11y("email-subject", errors.subject)} name="subject" defaultValue={`Invoice ${number} from ${companyName}`} maxLength={300} />
          </FormField>
          <FormField id="email-message" label="Message" error={errors.message} hint="Optional. Shown above the invoice summary.">
            <Textarea {...fieldA11y("email-message", errors.message, true)} name="message" rows={4} maxLength={5000} />
          </FormField>
          <DialogFooter>
            <Button type="button" variant="outline" onClick={dialog.close} disabled={pending}>
              Cancel
            </Button>
            <Button type="submit" pending={pending}>
              Send email
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
