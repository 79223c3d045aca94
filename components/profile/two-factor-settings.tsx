"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { CodeInput } from "@/components/auth/code-input";
import { ResendCodeButton } from "@/components/auth/resend-code-button";
import { FormAlert } from "@/components/forms/form-alert";
import { PhoneInput } from "@/components/forms/phone-input";
import { useValidatedAction } from "@/components/forms/use-validated-action";
import { Button } from "@/components/ui/button";
import { FormField, fieldA11y } from "@/components/ui/form-field";
import { Icon } from "@/components/ui/icon";
import { Input } from "@/components/ui/input";
import { toast } from "@/components/ui/toast";
import { confirmTwoFactorChange } from "@/lib/actions/profile/confirm-two-factor-change";
import { resendTwoFactorChangeCode } from "@/lib/actions/profile/resend-two-factor-change-code";
import { startTwoFactorChange } from "@/lib/actions/profile/start-two-factor-change";
import type { PhoneField } from "@/lib/phone-regions";

const startTwoFactorChangeSchema = () => import("@/lib/validation/two-factor-change").then((m) => m.startTwoFactorChangeSchema);
const confirmTwoFactorChangeSchema = () => import("@/lib/validation/two-factor-change").then((m) => m.confirmTwoFactorChangeSchema);

type Pending = { token: string; sentTo: string; resendAt: string };
type Status = { enabled: boolean; phone: PhoneField; maskedPhone: string };

/**
 * Two-step sign-in on or off: "Turn on/off" opens the password step (plus the
 * phone when turning on), then the code step. Cancel goes back at any point.
 */
export function TwoFactorSettings({ status }: { status: Status }) {
  const [step, setStep] = useState<"idle" | "password" | "code">("idle");
  const [pending, setPending] = useState<Pending | null>(null);
  const change = status.enabled ? "disable" : "enable";
  const reset = () => {
    setStep("idle");
    setPending(null);
  };
  return (
    <div className="grid max-w-xl gap-4">
      <p className="flex items-start gap-2 text-sm">
        {status.enabled ? (
          <Icon name="shield-check" className="mt-0.5 size-4 shrink-0 text-success" aria-hidden="true" />
        ) : (
          <Icon name="shield-off" className="mt-0.5 size-4 shrink-0 text-muted-foreground" aria-hidden="true" />
        )}
        <span>
          {status.enabled ? (
            <>
              <span className="font-medium">On.</span> Each sign-in asks for a code texted to {status.maskedPhone}.
            </>
          ) : (
            <>
              <span className="font-medium">Off.</span> No code is texted when you sign in. Turn this on (or add an app or passkey above) so a stolen password isn&apos;t enough.
            </>
          )}
        </span>
      </p>
      {step === "idle" && (
        <div>
          <Button type="button" variant={status.enabled ? "outline" : "default"} onClick={() => setStep("password")}>
            {status.enabled ? "Turn off two-step sign-in" : "Turn on two-step sign-in"}
          </Button>
        </div>
      )}
      {step === "password" && (
        <PasswordStep
          change={change}
          phone={status.phone}
          onCancel={reset}
          onSent={(p) => {
            setPending(p);
            setStep("code");
          }}
        />
      )}
      {step === "code" && pending && <CodeStep change={change} pending={pending} onCancel={reset} onDone={reset} />}
    </div>
  );
}

function PasswordStep({ change, phone, onCancel, onSent }: { change: "enable" | "disable"; phone: PhoneField; onCancel: () => void; onSent: (p: Pending) => void }) {
  const { form, pending, errors, formError, values } = useValidatedAction(startTwoFactorChange, startTwoFactorChangeSchema, (state) => {
    if (state.data) onSent(state.data as Pending);
  });
  return (
    <form {...form} className="grid gap-4 rounded-md border p-4">
      <input type="hidden" name="change" value={change} />
      <FormAlert message={formError} />
      {change === "enable" && (
        <FormField id="twofactor-phone" label="Mobile phone for codes" required error={errors.phone} hint="We text a code to this number now, to check it.">
          <PhoneInput id="twofactor-phone" name="phone" stored={phone} returned={values} invalid={Boolean(errors.phone)} />
        </FormField>
      )}
      <FormField id="twofactor-password" label="Your password" required error={errors.password}>
        <Input {...fieldA11y("twofactor-password", errors.password)} name="password" type="password" autoComplete="current-password" autoFocus />
      </FormField>
      <div className="flex flex-wrap gap-2">
        <Button type="submit" pending={pending}>
          Text me a code
        </Button>
        <Button type="button" variant="ghost" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </form>
  );
}

function CodeStep({ change, pending: sent, onCancel, onDone }: { change: "enable" | "disable"; pending: Pending; onCancel: () => void; onDone: () => void }) {
  const router = useRouter();
  const { form, pending, errors, formError } = useValidatedAction(confirmTwoFactorChange, confirmTwoFactorChangeSchema, () => {
    toast({ title: change === "enable" ? "Two-step sign-in is on" : "Two-step sign-in is off", variant: "success" });
    onDone();
    router.refresh();
  });
  return (
    <div className="grid gap-3 rounded-md border p-4">
      <form {...form} className="grid gap-4">
        <input type="hidden" name="token" value={sent.token} />
        <FormAlert message={errors.code ? null : formError} />
        <FormField id="twofactor-code" label="Code" required error={errors.code} hint={`We texted a 6-digit code to ${sent.sentTo}.`}>
          <CodeInput {...fieldA11y("twofactor-code", errors.code, true)} name="code" autoFocus />
        </FormField>
        <div className="flex flex-wrap gap-2">
          <Button type="submit" pending={pending} variant={change === "disable" ? "destructive" : "default"}>
            {change === "enable" ? "Turn on" : "Turn off"}
          </Button>
          <Button type="button" variant="ghost" onClick={onCancel}>
            Cancel
          </Button>
        </div>
      </form>
      <ResendCodeButton action={resendTwoFactorChangeCode} resendAt={sent.resendAt} fields={{ token: sent.token }} />
    </div>
  );
}
