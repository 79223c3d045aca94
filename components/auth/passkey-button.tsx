"use client";

import type { PublicKeyCredentialRequestOptionsJSON } from "@simplewebauthn/browser";
import { useState, useTransition } from "react";
import { FormAlert } from "@/components/forms/form-alert";
import { Button } from "@/components/ui/button";
import { Icon } from "@/components/ui/icon";
import type { FormState } from "@/lib/form-state";

// The WebAuthn helper (about 2.5 kB gzip) loads when the button is approached, or with the server's challenge.
const loadWebAuthn = () => import("@simplewebauthn/browser");

type Start = (prev: undefined, input: Record<string, unknown>) => Promise<FormState<PublicKeyCredentialRequestOptionsJSON>>;
type Finish = (prev: undefined, input: Record<string, unknown>) => Promise<FormState<unknown>>;

/**
 * Signs in with a passkey: asks the server for a challenge, lets the browser
 * and the authenticator sign it, and sends the answer back. `finish` gets the
 * answer as JSON text in `field`; on success it redirects.
 */
export function PasskeyButton({
  start,
  finish,
  field,
  extra,
  label,
  variant = "outline",
}: {
  start: Start;
  finish: Finish;
  field: string;
  extra?: Record<string, string>;
  label: string;
  variant?: "default" | "outline";
}) {
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function run() {
    setError(null);
    startTransition(async () => {
      // A refusal after an await is drawn in a transition of its own, with the end of `pending`.
      const fail = (message: string) => startTransition(() => setError(message));
      const [options, webauthn] = await Promise.all([start(undefined, {}), loadWebAuthn().catch(() => null)]);
      if (!options.ok || !options.data) {
        fail(options.formError ?? "Passkeys aren't available right now. Try again.");
        return;
      }
      if (!webauthn) {
        fail("Passkeys couldn't load. Check your connection and try again.");
        return;
      }
      let answer;
      try {
        answer = await webauthn.startAuthentication({ optionsJSON: options.data });
      } catch (e) {
        fail((e as Error | null)?.name === "NotAllowedError" ? "The passkey request was cancelled or timed out. Try again." : "This browser couldn't use a passkey here. Try another way to sign in.");
        return;
      }
      const result = await finish(undefined, { ...extra, [field]: JSON.stringify(answer) });
      if (!result.ok) fail(result.formError ?? Object.values(result.fieldErrors).flat()[0] ?? "That passkey wasn't accepted.");
    });
  }

  return (
    <div className="grid gap-2">
      <FormAlert message={error} />
      <Button type="button" variant={variant} className="w-full" pending={pending} onClick={run} onPointerEnter={() => void loadWebAuthn()} onFocus={() => void loadWebAuthn()}>
        <Icon name="key-round" aria-hidden="true" />
        {label}
      </Button>
    </div>
  );
}
