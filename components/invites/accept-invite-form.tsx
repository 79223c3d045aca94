"use client";

import Link from "next/link";
import { FormAlert } from "@/components/forms/form-alert";
import { useValidatedAction } from "@/components/forms/use-validated-action";
import { NewPasswordFields } from "@/components/profile/new-password-fields";
import { Button } from "@/components/ui/button";
import { Icon } from "@/components/ui/icon";
import { acceptInvite } from "@/lib/actions/invites/accept-invite";

const tokenPasswordSchema = () => import("@/lib/validation/account").then((m) => m.tokenPasswordSchema);

/** The invitee chooses a password; that creates their staff account. */
export function AcceptInviteForm({ token, email }: { token: string; email: string }) {
  const { state, form, pending, errors, formError } = useValidatedAction(acceptInvite, tokenPasswordSchema);
  if (state.ok) {
    return (
      <div role="status" className="grid gap-4">
        <p className="flex items-center gap-2 font-medium">
          <Icon name="circle-check" className="size-5 text-success" aria-hidden="true" />
          Your account is ready.
        </p>
        <Button asChild className="w-full">
          <Link href="/login?callbackUrl=/staff">Sign in</Link>
        </Button>
      </div>
    );
  }
  return (
    <form {...form} className="grid gap-4">
      <input type="hidden" name="token" value={token} />
      {/* Lets password managers save the new password under the right account. */}
      <input type="email" name="username" value={email} autoComplete="username" readOnly hidden />
      <FormAlert message={formError} />
      <NewPasswordFields errors={errors} />
      <Button type="submit" pending={pending} className="w-full">
        Create my account
      </Button>
    </form>
  );
}
