"use client";

import { useRouter } from "next/navigation";
import { useRef } from "react";
import { FormAlert } from "@/components/forms/form-alert";
import { useValidatedAction } from "@/components/forms/use-validated-action";
import { Button } from "@/components/ui/button";
import { FormField, fieldA11y } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { toast } from "@/components/ui/toast";
import { changePassword } from "@/lib/actions/profile/change-password";
import { NewPasswordFields } from "./new-password-fields";

const changePasswordSchema = () => import("@/lib/validation/account").then((m) => m.changePasswordSchema);

/** Change the password; every other session is signed out, this one stays. */
export function PasswordForm() {
  const router = useRouter();
  const formRef = useRef<HTMLFormElement>(null);
  const { form, pending, errors, formError } = useValidatedAction(changePassword, changePasswordSchema, (state) => {
    if ((state.data as { signedIn: boolean } | undefined)?.signedIn === false) {
      router.push("/login");
      return;
    }
    toast({ title: "Password changed", description: "You were signed out everywhere else.", variant: "success" });
    formRef.current?.reset();
    router.refresh();
  });
  return (
    <form ref={formRef} {...form} className="grid max-w-xl gap-4">
      <FormAlert message={formError} />
      {/* Lets password managers save the new password under the right account. */}
      <input type="text" name="username" autoComplete="username" hidden readOnly />
      <FormField id="currentPassword" label="Current password" required error={errors.currentPassword}>
        <Input {...fieldA11y("currentPassword", errors.currentPassword)} name="currentPassword" type="password" autoComplete="current-password" />
      </FormField>
      <NewPasswordFields errors={errors} />
      <div>
        <Button type="submit" pending={pending}>
          Change password
        </Button>
      </div>
    </form>
  );
}
