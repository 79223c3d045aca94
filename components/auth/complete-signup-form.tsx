"use client";

import { FormAlert } from "@/components/forms/form-alert";
import { useValidatedAction } from "@/components/forms/use-validated-action";
import { Button } from "@/components/ui/button";
import { FormField, fieldA11y } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { completeSignup } from "@/lib/actions/signup/complete-signup";

const completeSignupSchema = () => import("@/lib/validation/account").then((m) => m.completeSignupSchema);

/** Step two of sign-up: the password again proves this is the person who filled the form. Success redirects. */
export function CompleteSignupForm({ token, email, twoFactor }: { token: string; email: string; twoFactor: "none" | "sms" }) {
  const { form, pending, errors, formError } = useValidatedAction(completeSignup, completeSignupSchema);
  return (
    <form {...form} className="grid gap-4">
      <input type="hidden" name="token" value={token} />
      <input type="email" name="username" value={email} autoComplete="username" readOnly hidden />
      <FormAlert message={formError} />
      <FormField id="password" label="Your password" required error={errors.password} hint="The password you chose on the sign-up form.">
        <Input {...fieldA11y("password", errors.password, true)} name="password" type="password" autoComplete="current-password" autoFocus />
      </FormField>
      <Button type="submit" pending={pending} className="w-full">
        {twoFactor === "sms" ? "Create account and text me a code" : "Create my account"}
      </Button>
    </form>
  );
}
