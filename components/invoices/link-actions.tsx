"use client";

import { useRouter } from "next/navigation";
import { lazy, Suspense, useState, useTransition } from "react";
import { ConfirmAction } from "@/components/forms/confirm-action";
import { FormAlert } from "@/components/forms/form-alert";
import { Button } from "@/components/ui/button";
import { Icon } from "@/components/ui/icon";
import { reissueInvoiceLink } from "@/lib/actions/invoices/reissue-invoice-link";
import { revokeInvoiceLinks } from "@/lib/actions/invoices/revoke-invoice-links";
import { plural } from "@/lib/plural";

// The dialog that shows a new link: its code (Radix's dialog) loads when the
// pointer or focus reaches "New link", and it opens when the link is made.
const loadDialog = () => import("./new-link-dialog");
const NewLinkDialog = lazy(() => loadDialog().then((m) => ({ default: m.NewLinkDialog })));
const preload = () => void loadDialog();

/** Revoke every link to the invoice, or revoke and make a fresh one to copy (shown once). */
export function LinkActions({ invoiceId, hasActive }: { invoiceId: number; hasActive: boolean }) {
  const router = useRouter();
  const [url, setUrl] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function reissue() {
    startTransition(async () => {
      const result = await reissueInvoiceLink(undefined, { invoiceId });
      // Wrapped again, so the button is busy until the new link (or the refusal) is drawn.
      startTransition(() => {
        if (!result.ok) {
          setError(result.formError);
          return;
        }
        setError(null);
        setUrl(result.data!.url);
        router.refresh();
      });
    });
  }

  return (
    <div className="grid gap-2">
      <FormAlert message={error} />
      <div className="flex flex-wrap gap-2">
        <Button variant="outline" size="sm" onClick={reissue} onPointerEnter={preload} onFocus={preload} pending={pending}>
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
      {url !== null && (
        <Suspense fallback={null}>
          <NewLinkDialog url={url} onClose={() => setUrl(null)} />
        </Suspense>
      )}
    </div>
  );
}
