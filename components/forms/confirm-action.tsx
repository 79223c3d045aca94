"use client";

import { lazy } from "react";
import { DeferredPopup } from "@/components/ui/deferred-popup";
import { ConfirmTrigger, type ConfirmActionProps } from "./confirm-trigger";

const loadDialog = () => import("./confirm-action-dialog");
const ConfirmActionDialog = lazy(() => loadDialog().then((m) => ({ default: m.ConfirmActionDialog })));

/**
 * A button that asks before it acts (confirm-action-dialog.tsx). Until first
 * clicked it is a plain button; the dialog's code loads then, or as the
 * pointer or focus reaches it (see components/ui/deferred-popup.tsx).
 */
export function ConfirmAction<I, R>(props: ConfirmActionProps<I, R>) {
  return (
    <DeferredPopup
      load={loadDialog}
      trigger={(extra) => <ConfirmTrigger label={props.trigger} variant={props.triggerVariant} size={props.triggerSize} disabled={props.triggerDisabled} {...extra} />}
      popup={(trigger) => <ConfirmActionDialog {...(props as ConfirmActionProps<unknown, unknown>)} trigger={trigger} />}
    />
  );
}
