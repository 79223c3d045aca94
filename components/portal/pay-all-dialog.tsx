"use client";

import { lazy } from "react";
import { Button } from "@/components/ui/button";
import { DeferredPopup } from "@/components/ui/deferred-popup";
import { Icon } from "@/components/ui/icon";
import type { PayAllProps } from "./pay-all-popup";

const loadPopup = () => import("./pay-all-popup");
const PayAllPopup = lazy(() => loadPopup().then((m) => ({ default: m.PayAllPopup })));

/** The portal's Pay all button; the dialog's code (Radix, zod, the card fields) loads on first use (see components/ui/deferred-popup.tsx). */
export function PayAllDialog(props: PayAllProps) {
  return (
    <DeferredPopup
      load={loadPopup}
      trigger={(extra) => (
        <Button type="button" variant="outline" aria-haspopup="dialog" {...extra}>
          <Icon name="wallet" aria-hidden="true" />
          Pay all
        </Button>
      )}
      popup={(trigger) => <PayAllPopup {...props} trigger={trigger} />}
    />
  );
}
