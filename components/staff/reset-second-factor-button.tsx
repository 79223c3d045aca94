"use client";

import { ConfirmAction } from "@/components/forms/confirm-action";
import { resetSecondFactor } from "@/lib/actions/staff/reset-second-factor";

/** An admin removes someone's second factors (a lost phone), after a confirmation; the person is emailed. */
export function ResetSecondFactorButton({ member }: { member: { id: number; name: string } }) {
  return (
    <ConfirmAction
      action={resetSecondFactor}
      input={{ userId: member.id }}
      triggerVariant="ghost"
      triggerSize="sm"
      trigger="Reset 2-step"
      title={`Reset ${member.name}'s two-step sign-in?`}
      description="Their authenticator app, passkeys, texted codes and recovery codes stop working, and they are signed out everywhere. They get an email, and sign in next with their password alone (then set up a new app or passkey if it is required)."
      confirmLabel="Reset two-step sign-in"
      destructive
      successMessage={`${member.name}'s two-step sign-in was reset`}
    />
  );
}
