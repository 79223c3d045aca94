"use client";

import Link from "next/link";
import { FormAlert } from "@/components/forms/form-alert";
import { PhoneInput } from "@/components/forms/phone-input";
import { useValidatedAction } from "@/components/forms/use-validated-action";
import { NewPasswordFields } from "@/components/profile/new-password-fields";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { FormField, fieldA11y } from "@/components/ui/form-field";
import { Icon } from "@/components/ui/icon";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { startSignup } from "@/lib/actions/signup/start-signup";

const signupSchema = () => import("@/lib/validation/signup").then((m) => m.signupSchema);
import { SignInMethodChoice } from "./sign-in-method-choice";

/**
 * Step one of sign-up. The answer is "check your email" whether or not the
 * address already has an account, so this form can't be used to find out.
 */
export function SignupForm() {
  const { state, form, pending, errors, formError, values } = useValidatedAction(startSignup, signupSchema);
  if (state.ok) {
    const email = (state.data as { email: string } | undefined)?.email;
    return (
      <div role="status" className="grid gap-3 text-sm">
        <p className="flex items-center gap-2 text-base font-medium">
          <Icon name="mail-check" className="size-5 text-success" aria-hidden="true" />
          Check your email to continue
        </p>
        <p>
          We sent a message to <span className="font-medium">{email}</span>. Open the link in it to finish creating your account. The link works for 24 hours.
        </p>
        <p className="text-muted-foreground">If you already have an account, the email tells you how to sign in instead. Nothing arrived after a few minutes? Check your spam folder.</p>
      </div>
    );
  }
  return (
    <form {...form} className="grid gap-4">
      <FormAlert message={formError} />
      <FormField id="name" label="Your name" required error={errors.name}>
        <Input {...fieldA11y("name", errors.name)} name="name" autoComplete="name" defaultValue={values?.name} maxLength={120} autoFocus />
      </FormField>
      <FormField id="email" label="Email" required error={errors.email} hint="You sign in with this, and we send invoices here.">
        <Input {...fieldA11y("email", errors.email, true)} name="email" type="email" inputMode="email" autoComplete="username" defaultValue={values?.email} />
      </FormField>
      <FormField id="phone" label="Mobile phone" required error={errors.phone}>
        <PhoneInput id="phone" name="phone" returned={values} invalid={Boolean(errors.phone)} describedBy={errors.phone ? "phone-error" : undefined} />
      </FormField>
      <NewPasswordFields errors={errors} label="Password" />
      <SignInMethodChoice name="twoFactor" defaultValue={values?.twoFactor ?? "sms"} error={errors.twoFactor} />
      <div className="flex items-start gap-3">
        <Checkbox id="smsOptIn" name="smsOptIn" defaultChecked={values?.smsOptIn === "on"} className="mt-0.5" />
        <Label htmlFor="smsOptIn" className="font-normal leading-snug">
          Also text me payment receipts and account notices. You can change this any time.
        </Label>
      </div>
      <Button type="submit" pending={pending} className="w-full">
        Create account
      </Button>
      <p className="text-center text-sm text-muted-foreground">
        Already have an account?{" "}
        <Link href="/login" className="font-medium text-primary underline-offset-4 hover:underline">
          Sign in
        </Link>
      </p>
    </form>
  );
}
