"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { FormAlert } from "@/components/forms/form-alert";
import { Button } from "@/components/ui/button";
import { FormField, fieldA11y } from "@/components/ui/form-field";
import { Icon } from "@/components/ui/icon";
import { Input } from "@/components/ui/input";
import { addPasskey } from "@/lib/actions/security/add-passkey";
import { removePasskey } from "@/lib/actions/security/remove-passkey";
import { renamePasskey } from "@/lib/actions/security/rename-passkey";
import { startPasskeyRegistration } from "@/lib/actions/security/start-passkey-registration";
import { ConfirmPasswordDialog } from "./confirm-password-dialog";
import { RecoveryCodesList } from "./recovery-codes-list";

// The WebAuthn helper (about 2.5 kB gzip) loads when the form is approached, or with the server's challenge.
const loadWebAuthn = () => import("@simplewebauthn/browser");

type RegistrationOptions = NonNullable<Awaited<ReturnType<typeof startPasskeyRegistration>>["data"]>;

export type PasskeyItem = { id: number; name: string; created: string; lastUsed: string | null };

/** The browser makes a passkey for the server's challenge, and it is saved under its name. */
async function makePasskey(options: RegistrationOptions, name: string): Promise<{ error: string } | { recoveryCodes: string[] | null }> {
  const webauthn = await loadWebAuthn().catch(() => null);
  if (!webauthn) return { error: "Passkeys couldn't load. Check your connection and try again." };
  let response;
  try {
    response = await webauthn.startRegistration({ optionsJSON: options });
  } catch (e) {
    return { error: (e as Error | null)?.name === "NotAllowedError" ? "The passkey request was cancelled or timed out. Try again." : "This browser or device couldn't make a passkey." };
  }
  const saved = await addPasskey(undefined, { name, response: JSON.stringify(response) });
  if (!saved.ok) return { error: saved.formError ?? saved.fieldErrors.name?.[0] ?? "The passkey couldn't be saved." };
  return { recoveryCodes: saved.data?.recoveryCodes ?? null };
}

/** The account's passkeys: add one under a name (this device, a security key), or remove one. */
export function PasskeysSection({ items }: { items: PasskeyItem[] }) {
  const router = useRouter();
  const [name, setName] = useState("");
  const [nameError, setNameError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [codes, setCodes] = useState<string[] | null>(null);
  const [adding, startAdding] = useTransition();
  const [removing, startRemoving] = useTransition();
  const [editing, setEditing] = useState<{ id: number; name: string } | null>(null);

  /** Before the password is asked for: the passkey needs a name. */
  function named(): boolean {
    setError(null);
    if (!name.trim()) {
      setNameError('Name this passkey, like "Work laptop"');
      return false;
    }
    setNameError(null);
    return true;
  }

  /** The password was right and the server made a challenge: the browser makes the passkey, then it is saved. */
  function create(options: RegistrationOptions) {
    const trimmed = name.trim();
    startAdding(async () => {
      const outcome = await makePasskey(options, trimmed);
      // Wrapped again, so the button is busy until the refusal (or the new passkey) is drawn.
      startAdding(() => {
        if ("error" in outcome) return setError(outcome.error);
        setName("");
        if (outcome.recoveryCodes) setCodes(outcome.recoveryCodes);
        router.refresh();
      });
    });
  }

  function remove(id: number) {
    setError(null);
    startRemoving(async () => {
      const result = await removePasskey(undefined, { id: String(id) });
      if (!result.ok) setError(result.formError);
      router.refresh();
    });
  }

  function rename(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!editing) return;
    const { id, name: newName } = editing;
    setError(null);
    startRemoving(async () => {
      const result = await renamePasskey(undefined, { id: String(id), name: newName });
      if (!result.ok) return setError(result.fieldErrors.name?.[0] ?? result.formError);
      setEditing(null);
      router.refresh();
    });
  }

  return (
    <div className="grid gap-4">
      {codes && <RecoveryCodesList codes={codes} />}
      <FormAlert message={error} />
      {items.length > 0 ? (
        <ul aria-label="Your passkeys" className="grid gap-2">
          {items.map((item) => (
            <li key={item.id} className="flex flex-wrap items-center justify-between gap-2 rounded-md border px-3 py-2 text-sm">
              <span className="flex items-center gap-2">
                <Icon name="key-round" className="size-4 text-muted-foreground" aria-hidden="true" />
                <span>
                  <span className="font-medium">{item.name}</span>
                  <span className="block text-muted-foreground">
                    Added {item.created}
                    {item.lastUsed ? `, last used ${item.lastUsed}` : ", not used yet"}
                  </span>
                </span>
              </span>
              {editing?.id === item.id ? (
                <form onSubmit={rename} className="flex items-center gap-2">
                  <label htmlFor={`passkey-${item.id}-name`} className="sr-only">
                    New name for {item.name}
                  </label>
                  <Input id={`passkey-${item.id}-name`} value={editing.name} onChange={(e) => setEditing({ id: item.id, name: e.target.value })} maxLength={80} className="h-9 w-44" />
                  <Button type="submit" size="sm" disabled={removing}>
                    Save
                  </Button>
                  <Button type="button" variant="ghost" size="sm" onClick={() => setEditing(null)}>
                    Cancel
                  </Button>
                </form>
              ) : (
                <span className="flex gap-2">
                  <Button type="button" variant="ghost" size="sm" onClick={() => setEditing({ id: item.id, name: item.name })} aria-label={`Rename passkey ${item.name}`}>
                    Rename
                  </Button>
                  <Button type="button" variant="outline" size="sm" disabled={removing} onClick={() => remove(item.id)} aria-label={`Remove passkey ${item.name}`}>
                    Remove
                  </Button>
                </span>
              )}
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm text-muted-foreground">No passkeys yet. A passkey signs you in with your fingerprint, face or device PIN, with no password to type.</p>
      )}
      {/* The button opens the password dialog (Enter in the name presses it), so the form itself never posts. */}
      <form onSubmit={(e) => e.preventDefault()} onFocus={() => void loadWebAuthn()} onPointerEnter={() => void loadWebAuthn()} noValidate className="flex flex-wrap items-end gap-2">
        <FormField id="passkey-name" label="Passkey name" error={nameError ?? undefined} className="min-w-56 flex-1">
          <Input {...fieldA11y("passkey-name", nameError ?? undefined)} value={name} onChange={(e) => setName(e.target.value)} maxLength={80} placeholder="Work laptop" />
        </FormField>
        <ConfirmPasswordDialog
          label="Add a passkey"
          submit
          pending={adding}
          canOpen={named}
          description="Enter your password to add a passkey. Your browser then asks you to make one with your fingerprint, face, device PIN or security key."
          confirmLabel="Continue"
          action={startPasskeyRegistration}
          onConfirmed={create}
        />
      </form>
    </div>
  );
}
