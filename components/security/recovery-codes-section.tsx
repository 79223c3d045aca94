"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { FormAlert } from "@/components/forms/form-alert";
import { Button } from "@/components/ui/button";
import { regenerateRecoveryCodes } from "@/lib/actions/security/regenerate-recovery-codes";
import { RecoveryCodesList } from "./recovery-codes-list";

/** How many recovery codes are left, and a new set on demand (the old ones stop working). */
export function RecoveryCodesSection({ left }: { left: number }) {
  const router = useRouter();
  const [codes, setCodes] = useState<string[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function regenerate() {
    setError(null);
    startTransition(async () => {
      const result = await regenerateRecoveryCodes(undefined, {});
      // Wrapped again, so the button is busy until the new codes (or the refusal) are drawn.
      startTransition(() => {
        if (result.ok && result.data) setCodes(result.data.recoveryCodes);
        else setError(result.formError);
        router.refresh();
      });
    });
  }

  return (
    <div className="grid gap-3">
      <FormAlert message={error} />
      {codes ? (
        <RecoveryCodesList codes={codes} />
      ) : (
        <p className="text-sm">{left === 0 ? "You have no recovery codes left." : `You have ${left} unused recovery code${left === 1 ? "" : "s"}.`} Making a new set replaces every earlier code.</p>
      )}
      <div>
        <Button type="button" variant="outline" pending={pending} onClick={regenerate}>
          Make new recovery codes
        </Button>
      </div>
    </div>
  );
}
