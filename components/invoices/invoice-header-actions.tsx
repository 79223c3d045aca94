"use client";

import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { ConfirmAction } from "@/components/forms/confirm-action";
import { Button } from "@/components/ui/button";
import { Icon } from "@/components/ui/icon";
import { IntentLink } from "@/components/ui/intent-link";
import { toast } from "@/components/ui/toast";
import { deleteInvoiceDraft } from "@/lib/actions/invoices/delete-invoice-draft";
import { duplicateInvoice } from "@/lib/actions/invoices/duplicate-invoice";
import { issueInvoice } from "@/lib/actions/invoices/issue-invoice";
import type { InvoiceStatus } from "@/db/schema";

export function DuplicateInvoiceButton({ area, invoiceId }: { area: string; invoiceId: number }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <Button
      variant="outline"
      pending={pending}
      onClick={() =>
        startTransition(async () => {
          const result = await duplicateInvoice(undefined, { invoiceId });
          if (!result.ok) {
            toast({ title: "Couldn't duplicate it", description: result.formError ?? undefined, variant: "destructive" });
            return;
          }
          toast({ title: "Copied into a new draft", variant: "success" });
          // Inside the transition, so the button stays busy until the copy's page shows: a second press can't copy again.
          startTransition(() => router.push(`${area}/invoices/${result.data!.id}/edit`));
        })
      }
    >
      <Icon name="copy" aria-hidden="true" />
      Duplicate
    </Button>
  );
}

/**
 * A draft's own actions: edit, issue (with its consequences spelled out), delete.
 * `version` is the draft's as this page shows it: issuing sends it, so a draft
 * someone changed since is refused instead of frozen as the person never saw it.
 */
export function DraftActions({ area, invoiceId, version }: { area: string; invoiceId: number; version: number }) {
  return (
    <>
      <ConfirmAction
        action={deleteInvoiceDraft}
        input={{ invoiceId }}
        trigger={
          <>
            <Icon name="trash" aria-hidden="true" />
            Delete draft
          </>
        }
        title="Delete this draft?"
        description="It has no number and no payments, so it is removed for good."
        confirmLabel="Delete draft"
        destructive
        successMessage="Draft deleted"
        redirectTo={`${area}/invoices`}
      />
      <Button variant="outline" asChild>
        <IntentLink href={`${area}/invoices/${invoiceId}/edit`}>
          <Icon name="pencil" aria-hidden="true" />
          Edit
        </IntentLink>
      </Button>
      <ConfirmAction
        action={issueInvoice}
        input={{ invoiceId, expectedVersion: version }}
        triggerVariant="default"
        trigger={
          <>
            <Icon name="send" aria-hidden="true" />
            Issue
          </>
        }
        title="Issue this invoice?"
        description="It gets the next invoice number and its lines and amounts are frozen. You can then email it and record payments."
        confirmLabel="Issue invoice"
        successMessage={(d) => `Issued as ${d?.number ?? "an invoice"}`}
      />
    </>
  );
}

export function PdfButton({ invoiceId, status }: { invoiceId: number; status: InvoiceStatus }) {
  return (
    <Button variant="outline" asChild>
      <a href={`/api/invoices/${invoiceId}/pdf?download=1`} download>
        <Icon name="download" aria-hidden="true" />
        {status === "draft" ? "Preview PDF" : "Download PDF"}
      </a>
    </Button>
  );
}
