"use client";

import { lazy } from "react";
import { Button } from "@/components/ui/button";
import { DeferredPopup } from "@/components/ui/deferred-popup";
import { Icon } from "@/components/ui/icon";
import type { Member } from "./staff-edit-popup";

const loadPopup = () => import("./staff-edit-popup");
const StaffEditPopup = lazy(() => loadPopup().then((m) => ({ default: m.StaffEditPopup })));

/** The Edit button of a staff row; the dialog (its phone field and checks) loads on first use (see components/ui/deferred-popup.tsx). */
export function StaffEditDialog({ member, isSelf }: { member: Member; isSelf: boolean }) {
  return (
    <DeferredPopup
      load={loadPopup}
      trigger={(extra) => (
        <Button variant="ghost" size="sm" aria-label={`Edit ${member.name}`} aria-haspopup="dialog" {...extra}>
          <Icon name="pencil" aria-hidden="true" />
          Edit
        </Button>
      )}
      popup={(trigger) => <StaffEditPopup member={member} isSelf={isSelf} trigger={trigger} />}
    />
  );
}
