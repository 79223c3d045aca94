"use client";

import Link from "next/link";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { FormField, fieldA11y } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { login } from "@/lib/actions/auth/login";
import { initialFormState } from "@/lib/form-state";

export function LoginForm({ callbackUrl }: { callbackUrl: string }) {
  const [state, formAction, pending] = useActionState(login, initialFormState);
  return (
    <form action={formAction} className="grid gap-4" noValidate>
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      {state.formError && (
        <p role="alert" className="rounded-md border border-destructive/40 bg-destructive/10 px-3 py-2 text-sm text-destructive">
          {state.formError}
        </p>
      )}
      <FormField id="email" label="Email" error={state.fieldErrors.email}>
        <Input {...fieldA11y("email", state.fieldErrors.email)} name="email" type="email" defaultValue={state.values?.email} autoComplete="username" inputMode="email" required autoFocus />
      </FormField>
      <FormField id="password" label="Password" error={state.fieldErrors.password}>
        <Input {...fieldA11y("password", state.fieldErrors.password)} name="password" type="password" autoComplete="current-password" required />
      </FormField>
      <Link href="/forgot-password" className="-mt-2 justify-self-end text-sm font-medium text-primary underline-offset-4 hover:underline">
        Forgot password?
      </Link>
      <Button type="submit" pending={pending} className="w-full">
        Sign in
      </Button>
    </form>
  );
}
