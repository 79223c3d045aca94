"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { ConfirmAction } from "@/components/forms/confirm-action";
import { FormAlert } from "@/components/forms/form-alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Icon } from "@/components/ui/icon";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { toast } from "@/components/ui/toast";
import { reissueInvoiceLink } from "@/lib/actions/invoices/reissue-invoice-link";
import { revokeInvoiceLinks } from "@/lib/actions/invoices/revoke-invoice-links";
import { plural } from "@/lib/plural";

/** Revoke every link to the invoice, or revoke and make a fresh one to copy (shown once). */
export function LinkActions({ invoiceId, hasActive }: { invoiceId: number; hasActive: boolean }) {
  const router = useRouter();
  const [url, setUrl] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function reissue() {
    startTransition(async () => {
      const result = await reissueInvoiceLink(undefined, { invoiceId });
      if (!result.ok) {
        setError(result.formError);
        return;
      }
      setError(null);
      setUrl(result.data!.url);
      router.refresh();
    });
  }

  return (
    <div className="grid gap-2">
      <FormAlert message={error} />
      <div className="flex flex-wrap gap-2">
        <Button variant="outline" size="sm" onClick={reissue} pending={pending}>
          <Icon name="link-2" aria-hidden="true" />
          New link
        </Button>
        {hasActive && (
          <ConfirmAction
            action={revokeInvoiceLinks}
            input={{ invoiceId }}
            trigger="Revoke links"
            triggerSize="sm"
            title="Revoke every link to this invoice?"
            description="Anyone opening an old link sees that it was turned off. You can make a new link at any time."
            confirmLabel="Revoke links"
            destructive
            successMessage={(d) => `${plural(d?.revoked ?? 0, "link")} revoked`}
          />
        )}
      </div>
      <Dialog open={url !== null} onOpenChange={(open) => !open && setUrl(null)}>
        <DialogContent>
          <DialogHeader>
            <DialogTitle>A new private link</DialogTitle>
            <DialogDescription>Older links no longer work. Copy this one now: for safety it isn&apos;t stored and can&apos;t be shown again.</DialogDescription>
          </DialogHeader>
          <div className="grid gap-2">
            <Label htmlFor="new-link">Link</Label>
            <Input id="new-link" readOnly value={url ?? ""} onFocus={(e) => e.currentTarget.select()} />
          </div>
          <DialogFooter>
            <Button
              onClick={async () => {
                await navigator.clipboard?.writeText(url ?? "").catch(() => undefined);
                toast({ title: "Link copied", variant: "success" });
              }}
            >
              <Icon name="copy" aria-hidden="true" />
              Copy link
            </Button>
          </DialogFooter>
        </DialogContent>
      </Dialog>
    </div>
  );
}
