"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { FormAlert } from "@/components/forms/form-alert";
import { AlertDialog, AlertDialogCancel, AlertDialogContent, AlertDialogDescription, AlertDialogFooter, AlertDialogHeader, AlertDialogTitle, AlertDialogTrigger } from "@/components/ui/alert-dialog";
import { Button } from "@/components/ui/button";
import { FormField, fieldA11y } from "@/components/ui/form-field";
import { Textarea } from "@/components/ui/textarea";
import { toast } from "@/components/ui/toast";
import { voidInvoice } from "@/lib/actions/invoices/void-invoice";

export type VoidInvoiceProps = { invoiceId: number; number: string };

/**
 * Void an issued invoice, saying why. It keeps its number; the client's links
 * show it as void. Loaded on first use by void-invoice-dialog.tsx, open from
 * the start because the person clicked; `trigger` is that same button.
 */
export function VoidInvoicePopup({ invoiceId, number, trigger }: VoidInvoiceProps & { trigger: React.ReactElement }) {
  const router = useRouter();
  const [open, setOpen] = useState(true);
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [fieldError, setFieldError] = useState<string[] | undefined>();
  const [pending, startTransition] = useTransition();

  function run() {
    if (reason.trim().length < 3) {
      setFieldError(["Say why this invoice is void"]);
      return;
    }
    startTransition(async () => {
      const result = await voidInvoice(undefined, { invoiceId, reason });
      if (!result.ok) {
        setFieldError(result.fieldErrors.reason);
        setError(result.formError);
        return;
      }
      setOpen(false);
      toast({ title: `${number} is void`, variant: "success" });
      router.refresh();
    });
  }

  return (
    <AlertDialog
      open={open}
      onOpenChange={(next) => {
        if (pending) return;
        setOpen(next);
        setError(null);
        setFieldError(undefined);
      }}
    >
      <AlertDialogTrigger asChild>{trigger}</AlertDialogTrigger>
      <AlertDialogContent>
        <AlertDialogHeader>
          <AlertDialogTitle>Void invoice {number}?</AlertDialogTitle>
          <AlertDialogDescription>
            A void invoice can&apos;t be paid or changed. It keeps its number, so your records stay complete. To bill again, duplicate it and issue the copy.
          </AlertDialogDescription>
        </AlertDialogHeader>
        <FormAlert message={error} />
        <FormField id="void-reason" label="Reason" required error={fieldError}>
          <Textarea {...fieldA11y("void-reason", fieldError)} value={reason} onChange={(e) => setReason(e.target.value)} rows={3} maxLength={500} placeholder="e.g. Issued to the wrong client" />
        </FormField>
        <AlertDialogFooter>
          <AlertDialogCancel disabled={pending}>Keep it</AlertDialogCancel>
          <Button variant="destructive" pending={pending} onClick={run}>
            Void invoice
          </Button>
        </AlertDialogFooter>
      </AlertDialogContent>
    </AlertDialog>
  );
}
