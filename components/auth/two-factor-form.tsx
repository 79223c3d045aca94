"use client";

import { FormAlert } from "@/components/forms/form-alert";
import { useValidatedAction } from "@/components/forms/use-validated-action";
import { Button } from "@/components/ui/button";
import { FormField, fieldA11y } from "@/components/ui/form-field";
import { resendTwoFactorCode } from "@/lib/actions/auth/resend-two-factor-code";
import { verifyTwoFactor } from "@/lib/actions/auth/verify-two-factor";
import { CodeInput } from "./code-input";
import { ResendCodeButton } from "./resend-code-button";

const verifyCodeSchema = () => import("@/lib/validation/two-factor").then((m) => m.verifyCodeSchema);

/** Step two of a two-factor sign-in: the texted code. Success redirects (from the action). */
export function TwoFactorForm({ sentTo, resendAt }: { sentTo: string; resendAt: string | null }) {
  const { form, pending, errors, formError } = useValidatedAction(verifyTwoFactor, verifyCodeSchema);
  const codeError = errors.code;
  return (
    <div className="grid gap-4">
      <form {...form} className="grid gap-4">
        <FormAlert message={codeError ? null : formError} />
        <FormField id="code" label="Code" error={codeError} hint={`We texted a 6-digit code to ${sentTo}. It expires in 10 minutes.`}>
          <CodeInput {...fieldA11y("code", codeError, true)} name="code" required autoFocus />
        </FormField>
        <Button type="submit" pending={pending} className="w-full">
          Verify and sign in
        </Button>
      </form>
      <div className="flex flex-wrap items-center justify-between gap-2 text-sm">
        <ResendCodeButton action={resendTwoFactorCode} resendAt={resendAt} />
      </div>
    </div>
  );
}
