"use client";

import { useTransition } from "react";
import { Button } from "@/components/ui/button";
import { logout } from "@/lib/actions/auth/logout";

export function SignOutButton() {
  const [pending, startTransition] = useTransition();
  return (
    <Button type="button" variant="outline" pending={pending} onClick={() => startTransition(() => logout(undefined, {}).then(() => undefined))}>
      Sign out
    </Button>
  );
}
