"use client";

import { lazy } from "react";
import { Button } from "@/components/ui/button";
import { DeferredPopup } from "@/components/ui/deferred-popup";
import type { SubscribeProps } from "./subscribe-popup";

const loadPopup = () => import("./subscribe-popup");
const SubscribePopup = lazy(() => loadPopup().then((m) => ({ default: m.SubscribePopup })));

/** A service's Subscribe (or Order) button; the dialog's code (Radix, zod, the payment choice) loads on first use (see components/ui/deferred-popup.tsx). */
export function SubscribeDialog(props: SubscribeProps) {
  const { service } = props;
  return (
    <DeferredPopup
      load={loadPopup}
      trigger={(extra) => (
        <Button type="button" aria-label={service.oneTime ? `Order ${service.name}` : `Subscribe to ${service.name}`} aria-haspopup="dialog" {...extra}>
          {service.oneTime ? "Order" : "Subscribe"}
        </Button>
      )}
      popup={(trigger) => <SubscribePopup {...props} trigger={trigger} />}
    />
  );
}
