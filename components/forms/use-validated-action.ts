"use client";

import { useActionState, useEffect, useRef, useState, type FormEvent } from "react";
import type { z } from "zod";
import { formDataToObject } from "@/lib/actions/form-data";
import { fieldErrorsFrom, initialFormState, type FieldErrors, type FormState } from "@/lib/form-state";
import { settleAction } from "./action-failure";

type Action<R> = (prev: FormState<R> | undefined, input: FormData) => Promise<FormState<R>>;

/**
 * The schema a form checks in the browser: the schema itself, or, for a form
 * on a page, a loader for it (`() => import("@/lib/validation/x").then((m) =>
 * m.xSchema)`), so zod (about 27 kB gzip) and the phone metadata (75 kB) don't
 * weigh on the page's first load. A dialog, already loaded on first use
 * (components/ui/deferred-popup.tsx), passes the schema.
 */
export type FormSchema = z.ZodType | (() => Promise<z.ZodType>);

/**
 * A form bound to a server action, checked in the browser with the same zod
 * schema the action parses again. Bad input never leaves the page; the
 * server's answer (field errors, a refusal) shows in the same places.
 * onSuccess runs once per successful submission.
 *
 * Spread `form` on the <form>: with a loader, the schema loads when focus or
 * the pointer first reaches the form, or something is typed in it, and a submit that comes before it has
 * waits for it and then goes on as the same submit. If it can't load (the
 * network), the submit goes to the server, which checks the same schema.
 */
export function useValidatedAction<R>(action: Action<R>, schema: FormSchema, onSuccess?: (state: FormState<R>) => void) {
  // A call that fails (offline, a deploy) comes back as a refusal that echoes what was sent, as the server's own
  // refusals do: React resets the form after its action, and the fields draw their values from `values`.
  const [state, formAction, pending] = useActionState((prev: FormState<R> | undefined, input: FormData) => settleAction(() => action(prev, input), echoTyped(input)), initialFormState as FormState<R>);
  const [clientErrors, setClientErrors] = useState<FieldErrors | null>(null);
  const [checking, setChecking] = useState(false);
  const handled = useRef<FormState<R> | null>(null);
  const success = useRef(onSuccess);
  // The loaded schema; "server" when it couldn't load, so the server alone checks.
  const loaded = useRef<z.ZodType | "server" | null>(typeof schema === "function" ? null : schema);
  const loading = useRef<Promise<unknown> | null>(null);
  const held = useRef(false);
  useEffect(() => {
    success.current = onSuccess;
  });

  useEffect(() => {
    if (state.ok && handled.current !== state) {
      handled.current = state;
      success.current?.(state);
    }
  }, [state]);

  function load(): Promise<unknown> {
    if (loaded.current || typeof schema !== "function") return Promise.resolve();
    return (loading.current ??= schema().then(
      (s) => (loaded.current = s),
      () => (loaded.current = "server"),
    ));
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    const form = event.currentTarget;
    const checker = loaded.current;
    if (!checker) {
      // Not loaded yet: hold this submit, and send it again (same button) once the schema is here.
      // A second submit meanwhile (Enter twice) joins the one held.
      event.preventDefault();
      if (held.current) return;
      held.current = true;
      const submitter = (event.nativeEvent as SubmitEvent).submitter;
      setChecking(true);
      void load().then(() => {
        held.current = false;
        setChecking(false);
        if (form.isConnected) form.requestSubmit(submitter instanceof HTMLElement && submitter.closest("form") === form ? submitter : undefined);
      });
      return;
    }
    if (checker === "server") return;
    const parsed = checker.safeParse(formDataToObject(new FormData(form)));
    if (parsed.success) {
      setClientErrors(null);
      return;
    }
    event.preventDefault();
    setClientErrors(fieldErrorsFrom(parsed.error));
    // Put the cursor in the first field that needs fixing.
    const first = form.querySelector<HTMLElement>("[aria-invalid='true'], :invalid");
    requestAnimationFrame(() => (form.querySelector<HTMLElement>("[aria-invalid='true']") ?? first)?.focus());
  }

  const prepare = () => void load();
  const errors = clientErrors ?? state.fieldErrors;
  const formError = clientErrors ? "Check the highlighted fields." : state.formError;
  return {
    state,
    /** The <form>'s own props: `<form {...form} className="…">`. */
    // onInput too: a field focused when the page loaded (autoFocus) is typed into without a focus event.
    form: { action: formAction, onSubmit, onFocus: prepare, onPointerEnter: prepare, onInput: prepare, noValidate: true },
    /** True while the submission is on its way, or waits for its checks to load. */
    pending: pending || checking,
    errors,
    formError,
    values: state.values,
  };
}

/**
 * What was typed, to show again after a failed call: the same echo as the server's refusals
 * (lib/actions/define-action.ts), which leaves secrets out.
 */
function echoTyped(input: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(formDataToObject(input))) if (typeof value === "string" && !SECRET.test(key)) out[key] = value;
  return out;
}

const SECRET = /password|token|code|card|cvc|secret/i;
