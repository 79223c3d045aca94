"use client";

import { useActionState, useEffect, useRef, useState, type FormEvent } from "react";
import type { z } from "zod";
import { formDataToObject } from "@/lib/actions/form-data";
import { fieldErrorsFrom, initialFormState, type FieldErrors, type FormState } from "@/lib/form-state";

type Action<R> = (prev: FormState<R> | undefined, input: FormData) => Promise<FormState<R>>;

/**
 * A form bound to a server action, checked in the browser with the same zod
 * schema the action parses again. Bad input never leaves the page; the
 * server's answer (field errors, a refusal) shows in the same places.
 * onSuccess runs once per successful submission.
 */
export function useValidatedAction<R>(action: Action<R>, schema: z.ZodType, onSuccess?: (state: FormState<R>) => void) {
  const [state, formAction, pending] = useActionState(action, initialFormState as FormState<R>);
  const [clientErrors, setClientErrors] = useState<FieldErrors | null>(null);
  const handled = useRef<FormState<R> | null>(null);
  const success = useRef(onSuccess);
  useEffect(() => {
    success.current = onSuccess;
  });

  useEffect(() => {
    if (state.ok && handled.current !== state) {
      handled.current = state;
      success.current?.(state);
    }
  }, [state]);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    const parsed = schema.safeParse(formDataToObject(new FormData(event.currentTarget)));
    if (parsed.success) {
      setClientErrors(null);
      return;
    }
    event.preventDefault();
    setClientErrors(fieldErrorsFrom(parsed.error));
    // Put the cursor in the first field that needs fixing.
    const first = event.currentTarget.querySelector<HTMLElement>("[aria-invalid='true'], :invalid");
    requestAnimationFrame(() => (event.currentTarget?.querySelector<HTMLElement>("[aria-invalid='true']") ?? first)?.focus());
  }

  const errors = clientErrors ?? state.fieldErrors;
  const formError = clientErrors ? "Check the highlighted fields." : state.formError;
  return { state, formAction, pending, onSubmit, errors, formError, values: state.values };
}
