"use client";

import { ReasonConfirmPopup } from "@/components/forms/reason-confirm-popup";
import { voidInvoice } from "@/lib/actions/invoices/void-invoice";

export type VoidInvoiceProps = { invoiceId: number; number: string };

/**
 * Void an issued invoice, saying why. It keeps its number; the client's links
 * show it as void. Loaded on first use by void-invoice-dialog.tsx, open from
 * the start because the person clicked; `trigger` is that same button.
 */
export function VoidInvoicePopup({ invoiceId, number, trigger }: VoidInvoiceProps & { trigger: React.ReactElement }) {
  return (
    <ReasonConfirmPopup
      trigger={trigger}
      title={`Void invoice ${number}?`}
      description="A void invoice can't be paid or changed. It keeps its number, so your records stay complete. To bill again, duplicate it and issue the copy."
      fieldId="void-reason"
      placeholder="e.g. Issued to the wrong client"
      maxLength={500}
      problem={(reason) => (reason.trim().length < 3 ? "Say why this invoice is void" : null)}
      submit={(reason) => voidInvoice(undefined, { invoiceId, reason })}
      successTitle={`${number} is void`}
      cancelLabel="Keep it"
      confirmLabel="Void invoice"
      destructive
    />
  );
}
