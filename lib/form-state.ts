// The one shape every server action returns, for useActionState and callers.
export type FieldErrors = Record<string, string[] | undefined>;

export type FormState<T = unknown> = {
  ok: boolean;
  fieldErrors: FieldErrors;
  formError: string | null;
  message?: string;
  data?: T;
  /** What was submitted, echoed back on failure so the form keeps it (secrets excluded). */
  values?: Record<string, string>;
};

export const initialFormState: FormState<never> = { ok: false, fieldErrors: {}, formError: null };

/** A zod error as field errors, keyed by the issue's path ("lines.0.quantity"); issues with no path go under "_form". */
export function fieldErrorsFrom(error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] }): FieldErrors {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) (out[issue.path.map(String).join(".") || "_form"] ??= []).push(issue.message);
  return out;
}

export function firstError(state: FormState<unknown> | undefined, field: string): string | undefined {
  return state?.fieldErrors[field]?.[0];
}
