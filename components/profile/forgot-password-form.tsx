"use client";

import { FormAlert } from "@/components/forms/form-alert";
import { useValidatedAction } from "@/components/forms/use-validated-action";
import { Button } from "@/components/ui/button";
import { FormField, fieldA11y } from "@/components/ui/form-field";
import { Icon } from "@/components/ui/icon";
import { Input } from "@/components/ui/input";
import { requestPasswordReset } from "@/lib/actions/profile/request-password-reset";

const forgotPasswordSchema = () => import("@/lib/validation/account").then((m) => m.forgotPasswordSchema);

/** Asks for a reset link. The answer is the same whether or not the address has an account. */
export function ForgotPasswordForm() {
  const { state, form, pending, errors, formError, values } = useValidatedAction(requestPasswordReset, forgotPasswordSchema);
  if (state.ok) {
    return (
      <p role="status" className="flex items-start gap-2 text-sm">
        <Icon name="mail-check" className="mt-0.5 size-4 shrink-0 text-success" aria-hidden="true" />
        If that address has an account, a reset link is on its way. It works once, for one hour. Check your spam folder if it doesn&apos;t arrive in a few minutes.
      </p>
    );
  }
  return (
    <form {...form} className="grid gap-4">
      <FormAlert message={formError} />
      <FormField id="email" label="Email" error={errors.email}>
        <Input {...fieldA11y("email", errors.email)} name="email" type="email" inputMode="email" autoComplete="username" defaultValue={values?.email} autoFocus />
      </FormField>
      <Button type="submit" pending={pending} className="w-full">
        Email me a reset link
      </Button>
    </form>
  );
}
