"use client";

import { lazy } from "react";
import { Button } from "@/components/ui/button";
import { DeferredPopup } from "@/components/ui/deferred-popup";
import { Icon } from "@/components/ui/icon";
import type { VoidInvoiceProps } from "./void-invoice-popup";

const loadPopup = () => import("./void-invoice-popup");
const VoidInvoicePopup = lazy(() => loadPopup().then((m) => ({ default: m.VoidInvoicePopup })));

/** The Void button; the confirmation's code (Radix's alert dialog) loads on first use (see components/ui/deferred-popup.tsx). */
export function VoidInvoiceDialog(props: VoidInvoiceProps) {
  return (
    <DeferredPopup
      load={loadPopup}
      trigger={(extra) => (
        <Button type="button" variant="outline" className="text-destructive hover:text-destructive" aria-haspopup="dialog" {...extra}>
          <Icon name="ban" aria-hidden="true" />
          Void
        </Button>
      )}
      popup={(trigger) => <VoidInvoicePopup {...props} trigger={trigger} />}
    />
  );
}
