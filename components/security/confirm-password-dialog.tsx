"use client";

import { lazy } from "react";
import { Button, type ButtonProps } from "@/components/ui/button";
import { DeferredPopup, type DeferredTriggerProps } from "@/components/ui/deferred-popup";
import type { ConfirmPasswordProps } from "./confirm-password-popup";

const loadPopup = () => import("./confirm-password-popup");
const ConfirmPasswordPopup = lazy(() => loadPopup().then((m) => ({ default: m.ConfirmPasswordPopup })));

type Props<R> = ConfirmPasswordProps<R> & {
  /** The button's text: what the person set out to do. */
  label: string;
  variant?: ButtonProps["variant"];
  /** Busy while what follows the password runs (the browser's passkey prompt). */
  pending?: boolean;
  /** A form's submit button, so Enter in the form's field presses it (the passkey's name). */
  submit?: boolean;
  /** Checked on each press before the dialog opens; false keeps it shut (the passkey has no name yet). */
  canOpen?: () => boolean;
};

/**
 * A button that asks for the current password ("Confirm it's you") before
 * its action; the dialog's code (Radix, zod) loads on first use (see
 * components/ui/deferred-popup.tsx).
 */
export function ConfirmPasswordDialog<R>({ label, variant, pending, submit = false, canOpen, ...popup }: Props<R>) {
  return (
    <DeferredPopup
      load={loadPopup}
      trigger={(extra) => {
        // The stand-in opens the dialog from its onClick; once loaded, Radix's trigger does, unless the press was refused here.
        const { onClick: open, ...rest } = extra as Partial<DeferredTriggerProps>;
        return (
          <Button
            {...rest}
            type={submit ? "submit" : "button"}
            variant={variant}
            pending={pending}
            aria-haspopup="dialog"
            onClick={(event) => {
              if (canOpen && !canOpen()) return event.preventDefault();
              open?.();
            }}
          >
            {label}
          </Button>
        );
      }}
      popup={(trigger) => <ConfirmPasswordPopup {...(popup as ConfirmPasswordProps<unknown>)} trigger={trigger} />}
    />
  );
}
