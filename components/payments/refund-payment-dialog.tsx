"use client";

import { lazy } from "react";
import { Button } from "@/components/ui/button";
import { DeferredPopup } from "@/components/ui/deferred-popup";
import type { RefundPaymentProps } from "./refund-payment-popup";

const loadPopup = () => import("./refund-payment-popup");
const RefundPaymentPopup = lazy(() => loadPopup().then((m) => ({ default: m.RefundPaymentPopup })));

/** The Refund button; the dialog's code (Radix, the amount field) loads on first use (see components/ui/deferred-popup.tsx). */
export function RefundPaymentDialog({ triggerLabel = "Refund", ...props }: RefundPaymentProps) {
  return (
    <DeferredPopup
      load={loadPopup}
      trigger={(extra) => (
        <Button type="button" size="sm" variant="outline" aria-haspopup="dialog" {...extra}>
          {triggerLabel}
        </Button>
      )}
      popup={(trigger) => <RefundPaymentPopup {...props} trigger={trigger} />}
    />
  );
}
