"use client";

import { lazy } from "react";
import { Button } from "@/components/ui/button";
import { DeferredPopup } from "@/components/ui/deferred-popup";
import { Icon } from "@/components/ui/icon";
import type { EmailMyInvoiceProps } from "./email-invoice-popup";

const loadPopup = () => import("./email-invoice-popup");
const EmailInvoicePopup = lazy(() => loadPopup().then((m) => ({ default: m.EmailInvoicePopup })));

/** The "Email me this invoice" button; the dialog's code (Radix, zod) loads on first use (see components/ui/deferred-popup.tsx). */
export function EmailInvoiceDialog(props: EmailMyInvoiceProps) {
  return (
    <DeferredPopup
      load={loadPopup}
      trigger={(extra) => (
        <Button type="button" variant="outline" disabled={!props.email} aria-haspopup="dialog" {...extra}>
          <Icon name="mail" aria-hidden="true" />
          Email me this invoice
        </Button>
      )}
      popup={(trigger) => <EmailInvoicePopup {...props} trigger={trigger} />}
    />
  );
}
