"use client";

import { lazy } from "react";
import { Button } from "@/components/ui/button";
import { DeferredPopup } from "@/components/ui/deferred-popup";
import { Icon } from "@/components/ui/icon";
import type { RecordPaymentProps } from "./record-payment-popup";

const loadPopup = () => import("./record-payment-popup");
const RecordPaymentPopup = lazy(() => loadPopup().then((m) => ({ default: m.RecordPaymentPopup })));

/** The Record payment button; the dialog's code (Radix, zod, the amount field) loads on first use (see components/ui/deferred-popup.tsx). */
export function RecordPaymentDialog(props: RecordPaymentProps) {
  return (
    <DeferredPopup
      load={loadPopup}
      trigger={(extra) => (
        <Button type="button" aria-haspopup="dialog" {...extra}>
          <Icon name="banknote" aria-hidden="true" />
          Record payment
        </Button>
      )}
      popup={(trigger) => <RecordPaymentPopup {...props} trigger={trigger} />}
    />
  );
}
