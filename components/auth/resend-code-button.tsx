"use client";

import { useActionState, useEffect, useRef } from "react";
import { Button } from "@/components/ui/button";
import { toast } from "@/components/ui/toast";
import type { ServerAction } from "@/lib/actions/define-action";
import { initialFormState, type FormState } from "@/lib/form-state";
import { useCountdown } from "./use-countdown";

type Resent = { resendAt: string };

/**
 * "Send a new code", disabled with a countdown during the resend cooldown
 * (`resendAt`, then whatever the last resend answered). Its own small form, so
 * it can sit next to the code form without nesting.
 */
export function ResendCodeButton({ action, resendAt, fields = {} }: { action: ServerAction<Resent>; resendAt: string | null; fields?: Record<string, string> }) {
  const [state, formAction, pending] = useActionState(action as (prev: FormState<Resent>, data: FormData) => Promise<FormState<Resent>>, initialFormState);
  const left = useCountdown(Date.parse((state.ok && state.data?.resendAt) || resendAt || "") || 0);
  const handled = useRef<FormState<Resent>>(initialFormState);
  useEffect(() => {
    if (handled.current === state) return;
    handled.current = state;
    if (state.ok) toast({ title: "New code sent", description: "Earlier codes no longer work.", variant: "success" });
    else if (state.formError) toast({ title: state.formError, variant: "destructive" });
  }, [state]);
  return (
    <form action={formAction}>
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <Button type="submit" variant="link" className="h-auto px-0" pending={pending} disabled={left > 0}>
        {left > 0 ? `Send a new code in ${left} s` : "Send a new code"}
      </Button>
    </form>
  );
}
