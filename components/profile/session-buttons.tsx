"use client";

import { ConfirmAction } from "@/components/forms/confirm-action";
import { signOutDevice } from "@/lib/actions/profile/sign-out-device";
import { signOutEverywhere } from "@/lib/actions/profile/sign-out-everywhere";

export function SignOutDeviceButton({ sessionId, label }: { sessionId: number; label: string }) {
  return (
    <ConfirmAction
      action={signOutDevice}
      input={{ sessionId }}
      trigger={
        <span>
          Sign out<span className="sr-only"> {label}</span>
        </span>
      }
      triggerSize="sm"
      title="Sign this device out?"
      description={`${label} will need your password to get back in.`}
      confirmLabel="Sign out"
      destructive
      successMessage="That device is signed out"
    />
  );
}

export function SignOutEverywhereButton({ count }: { count: number }) {
  return (
    <ConfirmAction
      action={signOutEverywhere}
      input={{}}
      trigger="Sign out everywhere"
      triggerVariant="destructive"
      title="Sign out everywhere?"
      description={`This ends ${count === 1 ? "your session" : `all ${count} of your sessions`}, this browser's too. You'll sign in again with your password.`}
      confirmLabel="Sign out everywhere"
      destructive
      successMessage="You're signed out everywhere"
      redirectTo="/login"
    />
  );
}
