import type { FieldPath, FieldValues, RegisterOptions, UseFormGetValues, UseFormRegister, UseFormRegisterReturn } from "react-hook-form";

/** register() plus the field's current value as defaultValue. */
export type RegisterWithDefault<T extends FieldValues> = <N extends FieldPath<T>>(name: N, options?: RegisterOptions<T, N>) => UseFormRegisterReturn<N> & { defaultValue?: string };

/**
 * react-hook-form's register() leaves an input empty in the server's HTML and
 * fills it in only once the page has hydrated, so a slow phone shows a blank
 * form for a moment and a person can read an empty date. This one also hands
 * the input its value as defaultValue, so the first paint already shows it;
 * after hydration the field stays uncontrolled, as register() expects.
 */
export function registerWithDefaults<T extends FieldValues>(register: UseFormRegister<T>, getValues: UseFormGetValues<T>): RegisterWithDefault<T> {
  return (name, options) => {
    const value: unknown = getValues(name);
    return { ...register(name, options), defaultValue: value === undefined || value === null ? undefined : String(value) };
  };
}
