"use client";

import { FormAlert } from "@/components/forms/form-alert";
import { useValidatedAction } from "@/components/forms/use-validated-action";
import { Button } from "@/components/ui/button";
import { FormField, fieldA11y } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { verifyTwoFactor } from "@/lib/actions/auth/verify-two-factor";
import { CodeInput } from "./code-input";

const verifyCodeSchema = () => import("@/lib/validation/two-factor").then((m) => m.verifyCodeSchema);

/** The second step answered with a typed code: from the authenticator app, or a recovery code. Success redirects (from the action). */
export function SecondStepCodeForm({ factor, label, hint, submitLabel }: { factor: "totp" | "recovery"; label: string; hint: string; submitLabel: string }) {
  const { form, pending, errors, formError } = useValidatedAction(verifyTwoFactor, verifyCodeSchema);
  const codeError = errors.code;
  const id = `${factor}-code`;
  return (
    <form {...form} className="grid gap-4">
      <input type="hidden" name="factor" value={factor} />
      <FormAlert message={codeError ? null : formError} />
      <FormField id={id} label={label} error={codeError} hint={hint}>
        {factor === "totp" ? (
          <CodeInput {...fieldA11y(id, codeError, true)} name="code" required autoFocus />
        ) : (
          <Input
            {...fieldA11y(id, codeError, true)}
            name="code"
            autoComplete="off"
            autoCapitalize="none"
            spellCheck={false}
            maxLength={20}
            placeholder="abcde-23456"
            className="max-w-56 font-mono"
            required
          />
        )}
      </FormField>
      <Button type="submit" pending={pending} className="w-full" variant={factor === "totp" ? "default" : "outline"}>
        {submitLabel}
      </Button>
    </form>
  );
}
