"use client";

import Link from "next/link";
import { FormAlert } from "@/components/forms/form-alert";
import { useValidatedAction } from "@/components/forms/use-validated-action";
import { Button } from "@/components/ui/button";
import { Icon } from "@/components/ui/icon";
import { resetPassword } from "@/lib/actions/profile/reset-password";
import { NewPasswordFields } from "./new-password-fields";

const tokenPasswordSchema = () => import("@/lib/validation/account").then((m) => m.tokenPasswordSchema);

export function ResetPasswordForm({ token }: { token: string }) {
  const { state, form, pending, errors, formError } = useValidatedAction(resetPassword, tokenPasswordSchema);
  if (state.ok) {
    return (
      <div role="status" className="grid gap-4">
        <p className="flex items-center gap-2 font-medium">
          <Icon name="circle-check" className="size-5 text-success" aria-hidden="true" />
          Your password was changed, and every session was signed out.
        </p>
        <Button asChild className="w-full">
          <Link href="/login">Sign in</Link>
        </Button>
      </div>
    );
  }
  return (
    <form {...form} className="grid gap-4">
      <input type="hidden" name="token" value={token} />
      <FormAlert message={formError} />
      <NewPasswordFields errors={errors} />
      <Button type="submit" pending={pending} className="w-full">
        Set new password
      </Button>
    </form>
  );
}
