"use client";

import Link from "next/link";
import { FormAlert } from "@/components/forms/form-alert";
import { useValidatedAction } from "@/components/forms/use-validated-action";
import { Button, buttonVariants } from "@/components/ui/button";
import { Icon } from "@/components/ui/icon";
import { confirmEmailChange } from "@/lib/actions/profile/confirm-email-change";

const confirmEmailChangeSchema = () => import("@/lib/validation/account").then((m) => m.confirmEmailChangeSchema);

/** The one button on the page the confirmation link opens: opening the link changes nothing. */
export function ConfirmEmailChangeForm({ token, newEmail }: { token: string; newEmail: string }) {
  const { state, form, pending, formError } = useValidatedAction(confirmEmailChange, confirmEmailChangeSchema);
  if (state.ok) {
    return (
      <div className="grid gap-4">
        <p role="status" className="flex items-start gap-2 text-sm">
          <Icon name="mail-check" className="mt-0.5 size-4 shrink-0 text-success" aria-hidden="true" />
          Done. You now sign in with {newEmail}.
        </p>
        <Link href="/" className={buttonVariants({ className: "w-full" })}>
          Continue
        </Link>
      </div>
    );
  }
  return (
    <form {...form} className="grid gap-4">
      <FormAlert message={formError} />
      <input type="hidden" name="token" value={token} />
      <Button type="submit" pending={pending} className="w-full">
        Confirm my new email
      </Button>
    </form>
  );
}
