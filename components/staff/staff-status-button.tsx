"use client";

import { ConfirmAction } from "@/components/forms/confirm-action";
import { setStaffStatus } from "@/lib/actions/staff/set-staff-status";

/** Disable (signing them out at once) or enable a staff member, after a confirmation. */
export function StaffStatusButton({ member, isSelf }: { member: { id: number; name: string; status: string }; isSelf: boolean }) {
  const enabling = member.status !== "active";
  return (
    <ConfirmAction
      action={setStaffStatus}
      input={{ id: member.id, enabled: enabling }}
      triggerVariant="ghost"
      triggerSize="sm"
      trigger={enabling ? "Enable" : "Disable"}
      title={enabling ? `Enable ${member.name}?` : `Disable ${member.name}?`}
      description={
        enabling
          ? "They can sign in again with their password."
          : `${isSelf ? "This is your own account: you will be signed out at once. " : "They are signed out everywhere at once and "}can't sign in until an admin enables the account again. Their work stays in the records.`
      }
      confirmLabel={enabling ? "Enable account" : "Disable account"}
      destructive={!enabling}
      successMessage={enabling ? `${member.name} can sign in again` : `${member.name} is disabled and signed out`}
    />
  );
}
