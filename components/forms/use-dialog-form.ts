"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition, type FormEvent } from "react";
import type { z } from "zod";
import { toast, type ToastOptions } from "@/components/ui/toast";
import { formDataToObject } from "@/lib/actions/form-data";
import { fieldErrorsFrom, type FieldErrors, type FormState } from "@/lib/form-state";
import { newIdempotencyKey } from "@/lib/idempotency-key";
import { actionFailureMessage } from "./action-failure";

type Options<S extends z.ZodType, R> = {
  action: (prev: undefined, input: Record<string, unknown>) => Promise<FormState<R>>;
  /** The action's own schema: bad input never leaves the dialog. */
  schema: S;
  /**
   * Sent with the form's fields (the record's id, a version). The dialog has
   * no field for these, so the server's refusal of one shows in its alert.
   */
  extra: Record<string, unknown>;
  /** Checks beyond the schema (say, against a balance); adds to the schema's errors. */
  check?: (fields: Record<string, string>, errors: FieldErrors) => FieldErrors;
  /** The toast once the action succeeds; the dialog has closed by then. None for a dialog that is one step of a longer task (`onSuccess`). */
  success?: (result: FormState<R>, parsed: z.output<S>) => ToastOptions;
  /**
   * The action's answer, handed on in the commit that closes the dialog: for
   * a dialog that is one step of a longer task (the password before a
   * passkey, an app's QR code or new recovery codes), which draws what follows.
   */
  onSuccess?: (data: R) => void;
  /** Refresh the page's server data after a success (default yes). */
  refresh?: boolean;
  /** Open from the start: a dialog whose code loaded on first use (components/ui/deferred-popup.tsx), mounted by the click that opens it. */
  initiallyOpen?: boolean;
  /**
   * Send an idempotency key (default yes). An action whose replays are refused
   * by a version in `extra` instead (a refund sends what was left to refund)
   * gets none.
   */
  idempotent?: boolean;
  /**
   * Refresh the page's server data after a refusal too: for an action refused
   * when its record moved since the page was drawn, so the next try sends
   * the record as it is now.
   */
  refreshOnRefusal?: boolean;
};

/**
 * A dialog around one server action: a fresh idempotency key on each opening
 * (a double click sends once), the schema checked before sending, field errors
 * from the check or the server, cleared on reopening, and on success the
 * dialog closes and a toast says what happened (or `onSuccess` draws what
 * follows). It can't close while sending.
 */
export function useDialogForm<S extends z.ZodType, R>({
  action,
  schema,
  extra,
  check,
  success,
  onSuccess,
  refresh = true,
  initiallyOpen = false,
  idempotent = true,
  refreshOnRefusal = false,
}: Options<S, R>) {
  const router = useRouter();
  const [open, setOpen] = useState(initiallyOpen);
  const [pending, startTransition] = useTransition();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  // Drawn on each opening (below): a closed dialog has no form to send, and the server render draws none.
  // A dialog mounted open is only ever drawn in the browser, after the click that opened it: its first key is drawn at once.
  const [idempotencyKey, setKey] = useState(() => (initiallyOpen && idempotent ? newIdempotencyKey() : ""));
  // An error about a value the dialog sends but shows no field for goes to its alert, or no one would read it.
  const unshown = (found: FieldErrors) =>
    Object.keys(extra)
      .map((name) => found[name]?.[0])
      .find(Boolean);

  function onOpenChange(next: boolean) {
    if (pending) return;
    setOpen(next);
    if (next) {
      if (idempotent) setKey(newIdempotencyKey());
      setErrors({});
      setFormError(null);
    }
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const fields = formDataToObject(new FormData(event.currentTarget)) as Record<string, string>;
    const input = idempotent ? { ...fields, ...extra, idempotencyKey } : { ...fields, ...extra };
    const checked = schema.safeParse(input);
    let found: FieldErrors = checked.success ? {} : fieldErrorsFrom(checked.error);
    if (check) found = check(fields, found);
    if (!checked.success || Object.keys(found).length) {
      setErrors(found);
      setFormError(unshown(found) ?? "Check the highlighted fields.");
      return;
    }
    startTransition(async () => {
      let result: FormState<R>;
      try {
        result = await action(undefined, input);
      } catch (error) {
        // The call itself failed (offline, a deploy): the dialog stays open with what was typed and says why.
        // No refresh: it would fail the same way, and Next answers a failed refresh by reloading the page.
        const message = actionFailureMessage(error);
        startTransition(() => setFormError(message));
        return;
      }
      // Updates after an await leave the transition unless wrapped again: this way the errors (or the
      // closing) and the end of `pending` are drawn together, so Escape never meets a dialog still "sending".
      startTransition(() => {
        if (!result.ok) {
          setErrors(result.fieldErrors);
          setFormError(unshown(result.fieldErrors) ?? result.formError);
        } else {
          setOpen(false);
          onSuccess?.(result.data as R);
        }
      });
      if (!result.ok) {
        if (refreshOnRefusal) router.refresh();
        return;
      }
      if (success) toast({ variant: "success", ...success(result, checked.data) });
      if (refresh) router.refresh();
    });
  }

  return { open, onOpenChange, close: () => onOpenChange(false), idempotencyKey, pending, errors, formError, onSubmit };
}
