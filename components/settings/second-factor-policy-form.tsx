"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { FormAlert } from "@/components/forms/form-alert";
import { Button } from "@/components/ui/button";
import { setSecondFactorPolicy } from "@/lib/actions/settings/set-second-factor-policy";

/** The back-office second-factor rule, on or off. */
export function SecondFactorPolicyForm({ required }: { required: boolean }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  function toggle() {
    setError(null);
    startTransition(async () => {
      const result = await setSecondFactorPolicy(undefined, { required: required ? "off" : "on" });
      // Wrapped again, so the button is busy until the page shows the new policy (or the refusal).
      startTransition(() => {
        setError(result.ok ? null : result.formError);
        router.refresh();
      });
    });
  }
  return (
    <div className="grid gap-3">
      <FormAlert message={error} />
      <p className="text-sm">
        <span className="font-medium">{required ? "Required." : "Not required."}</span>{" "}
        {required
          ? "Admins and staff without an authenticator app or passkey are sent to set one up when they sign in, and can use nothing else until they have."
          : "Admins and staff may sign in with a password alone, or a texted code."}
      </p>
      <div>
        {/* Wraps on a phone: the longer label is wider than the card there. */}
        <Button type="button" variant={required ? "outline" : "default"} pending={pending} onClick={toggle} className="h-auto min-h-10 whitespace-normal text-left">
          {required ? "Stop requiring a second factor" : "Require an app or passkey for admins and staff"}
        </Button>
      </div>
    </div>
  );
}
