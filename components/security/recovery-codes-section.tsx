"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { regenerateRecoveryCodes } from "@/lib/actions/security/regenerate-recovery-codes";
import { ConfirmPasswordDialog } from "./confirm-password-dialog";
import { RecoveryCodesList } from "./recovery-codes-list";

/** How many recovery codes are left, and a new set on demand, with the password (the old ones stop working). */
export function RecoveryCodesSection({ left }: { left: number }) {
  const router = useRouter();
  const [codes, setCodes] = useState<string[] | null>(null);

  return (
    <div className="grid gap-3">
      {codes ? (
        <RecoveryCodesList codes={codes} />
      ) : (
        <p className="text-sm">{left === 0 ? "You have no recovery codes left." : `You have ${left} unused recovery code${left === 1 ? "" : "s"}.`} Making a new set replaces every earlier code.</p>
      )}
      <div>
        {/* The new codes are drawn in the commit that closes the password dialog (useDialogForm's onSuccess); a refusal stays in the dialog. */}
        <ConfirmPasswordDialog
          label="Make new recovery codes"
          variant="outline"
          description="Enter your password to make ten new recovery codes. Your current codes stop working."
          confirmLabel="Make new codes"
          action={regenerateRecoveryCodes}
          onConfirmed={(data) => {
            setCodes(data.recoveryCodes);
            router.refresh();
          }}
        />
      </div>
    </div>
  );
}
