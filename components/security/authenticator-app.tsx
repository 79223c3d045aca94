"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { CodeInput } from "@/components/auth/code-input";
import { FormAlert } from "@/components/forms/form-alert";
import { useValidatedAction } from "@/components/forms/use-validated-action";
import { Button } from "@/components/ui/button";
import { FormField, fieldA11y } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { confirmTotpSetup } from "@/lib/actions/security/confirm-totp-setup";
import { removeTotp } from "@/lib/actions/security/remove-totp";
import { startTotpSetup } from "@/lib/actions/security/start-totp-setup";
import { ConfirmPasswordDialog } from "./confirm-password-dialog";
import { RecoveryCodesList } from "./recovery-codes-list";

const confirmTotpSchema = () => import("@/lib/validation/two-factor").then((m) => m.confirmTotpSchema);
const passwordOnlySchema = () => import("@/lib/validation/two-factor").then((m) => m.passwordOnlySchema);

type Setup = { secret: string; qrSvg: string };

/** Set up an authenticator app (the password, then a QR code or key, then a first code), or remove it with the password. */
export function AuthenticatorApp({ enabled }: { enabled: boolean }) {
  const router = useRouter();
  const [setup, setSetup] = useState<Setup | null>(null);
  const [codes, setCodes] = useState<string[] | null>(null);
  const [removing, setRemoving] = useState(false);

  const confirm = useValidatedAction(confirmTotpSetup, confirmTotpSchema, (state) => {
    setSetup(null);
    setCodes(state.data?.recoveryCodes ?? null);
    router.refresh();
  });
  const remove = useValidatedAction(removeTotp, passwordOnlySchema, () => {
    setRemoving(false);
    router.refresh();
  });

  if (codes) return <RecoveryCodesList codes={codes} />;

  if (enabled) {
    return (
      <div className="grid gap-3">
        <p className="text-sm">
          <span className="font-medium">On.</span> Each sign-in asks for a code from your authenticator app.
        </p>
        {removing ? (
          <form {...remove.form} className="grid max-w-sm gap-3">
            <FormAlert message={remove.errors.password ? null : remove.formError} />
            <FormField id="totp-remove-password" label="Your password" error={remove.errors.password}>
              <Input {...fieldA11y("totp-remove-password", remove.errors.password)} name="password" type="password" autoComplete="current-password" required />
            </FormField>
            <div className="flex gap-2">
              <Button type="submit" variant="destructive" pending={remove.pending}>
                Remove authenticator app
              </Button>
              <Button type="button" variant="ghost" onClick={() => setRemoving(false)}>
                Cancel
              </Button>
            </div>
          </form>
        ) : (
          <div>
            <Button type="button" variant="outline" onClick={() => setRemoving(true)}>
              Remove authenticator app
            </Button>
          </div>
        )}
      </div>
    );
  }

  if (!setup) {
    return (
      <div className="grid gap-3">
        <p className="text-sm text-muted-foreground">Use an app such as 1Password, Google Authenticator or Microsoft Authenticator: it shows a new 6-digit code every 30 seconds.</p>
        <div>
          {/* The QR code is drawn in the commit that closes the password dialog (useDialogForm's onSuccess). */}
          <ConfirmPasswordDialog
            label="Set up an authenticator app"
            description="Enter your password to set up an authenticator app. We then show a QR code to scan with it."
            confirmLabel="Continue"
            action={startTotpSetup}
            onConfirmed={(data) => setSetup({ secret: data.secret, qrSvg: data.qrSvg })}
          />
        </div>
      </div>
    );
  }

  return (
    <div className="grid gap-4">
      <p className="text-sm">Scan this QR code with your app, or type the setup key into it. Then enter the code the app shows.</p>
      {/* eslint-disable-next-line @next/next/no-img-element -- an inline SVG made on the server; next/image can't take a data: URL */}
      <img src={`data:image/svg+xml;base64,${btoa(setup.qrSvg)}`} alt="QR code to add this account to your authenticator app" width={180} height={180} className="rounded-md border bg-white p-2" />
      <div className="grid gap-1 text-sm">
        <span className="font-medium">Setup key</span>
        <code data-testid="totp-secret" className="break-all rounded bg-muted px-2 py-1 font-mono">
          {setup.secret}
        </code>
      </div>
      <form {...confirm.form} className="grid max-w-sm gap-3">
        <FormAlert message={confirm.errors.code ? null : confirm.formError} />
        <FormField id="totp-confirm-code" label="Code from the app" error={confirm.errors.code}>
          <CodeInput {...fieldA11y("totp-confirm-code", confirm.errors.code)} name="code" required />
        </FormField>
        <div className="flex gap-2">
          <Button type="submit" pending={confirm.pending}>
            Verify and turn on
          </Button>
          <Button type="button" variant="ghost" onClick={() => setSetup(null)}>
            Cancel
          </Button>
        </div>
      </form>
    </div>
  );
}
