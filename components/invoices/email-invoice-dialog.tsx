"use client";

import { lazy } from "react";
import { Button } from "@/components/ui/button";
import { DeferredPopup } from "@/components/ui/deferred-popup";
import { Icon } from "@/components/ui/icon";
import type { EmailInvoiceProps } from "./email-invoice-popup";

const loadPopup = () => import("./email-invoice-popup");
const EmailInvoicePopup = lazy(() => loadPopup().then((m) => ({ default: m.EmailInvoicePopup })));

/** The Email button; the dialog's code (Radix, zod, the address checks) loads on first use (see components/ui/deferred-popup.tsx). */
export function EmailInvoiceDialog({ variant = "outline", ...props }: EmailInvoiceProps) {
  return (
    <DeferredPopup
      load={loadPopup}
      trigger={(extra) => (
        <Button type="button" variant={variant} aria-haspopup="dialog" {...extra}>
          <Icon name="mail" aria-hidden="true" />
          Email
        </Button>
      )}
      popup={(trigger) => <EmailInvoicePopup {...props} trigger={trigger} />}
    />
  );
}
