"use client";

import { useState } from "react";
import { FormField, fieldA11y } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { PASSWORD_MIN_LENGTH, passwordProblems } from "@/lib/auth/password-rules";
import type { FieldErrors } from "@/lib/form-state";

/**
 * A new password and its confirmation, with the strength rules shown as they
 * are met. Used by password change, reset and invite acceptance.
 */
export function NewPasswordFields({ errors, label = "New password" }: { errors: FieldErrors; label?: string }) {
  const [value, setValue] = useState("");
  const problems = value ? passwordProblems(value) : [];
  const hint = value === "" ? `At least ${PASSWORD_MIN_LENGTH} characters, mixing three of: lower case, upper case, digits, symbols.` : problems.length ? problems.join(". ") : "Strong enough.";
  return (
    <>
      <FormField id="password" label={label} required error={errors.password} hint={<span aria-live="polite">{hint}</span>}>
        <Input {...fieldA11y("password", errors.password, true)} name="password" type="password" autoComplete="new-password" value={value} onChange={(e) => setValue(e.target.value)} />
      </FormField>
      <FormField id="confirmPassword" label="Type it again" required error={errors.confirmPassword}>
        <Input {...fieldA11y("confirmPassword", errors.confirmPassword)} name="confirmPassword" type="password" autoComplete="new-password" />
      </FormField>
    </>
  );
}
