"use client";

import { lazy } from "react";
import { Button } from "@/components/ui/button";
import { DeferredPopup } from "@/components/ui/deferred-popup";
import { Icon } from "@/components/ui/icon";
import type { PauseRemindersProps } from "./pause-reminders-popup";

const loadPopup = () => import("./pause-reminders-popup");
const PauseRemindersPopup = lazy(() => loadPopup().then((m) => ({ default: m.PauseRemindersPopup })));

/** The Pause reminders button; the confirmation's code (Radix's alert dialog) loads on first use (see components/ui/deferred-popup.tsx). */
export function PauseRemindersDialog(props: PauseRemindersProps) {
  return (
    <DeferredPopup
      load={loadPopup}
      trigger={(extra) => (
        <Button type="button" variant="outline" size="sm" aria-haspopup="dialog" {...extra}>
          <Icon name="bell-off" aria-hidden="true" />
          Pause reminders
        </Button>
      )}
      popup={(trigger) => <PauseRemindersPopup {...props} trigger={trigger} />}
    />
  );
}
