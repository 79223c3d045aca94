import * as React from "react";

import { Label } from "@/components/ui/label";
import { cn } from "@/lib/utils";

type FieldError = string | string[] | null | undefined;

function firstError(error: FieldError) {
  const message = Array.isArray(error) ? error[0] : error;
  return message || undefined;
}

/** Props to spread onto a control so screen readers tie it to its hint and error. */
function fieldA11y(id: string, error?: FieldError, hint?: React.ReactNode) {
  const invalid = firstError(error) !== undefined;
  const describedBy = [hint ? `${id}-hint` : null, invalid ? `${id}-error` : null].filter(Boolean).join(" ");
  return {
    id,
    "aria-invalid": invalid || undefined,
    "aria-describedby": describedBy || undefined,
  };
}

type FormFieldProps = {
  id: string;
  label: React.ReactNode;
  error?: FieldError;
  hint?: React.ReactNode;
  required?: boolean;
  children: React.ReactNode;
  className?: string;
};

function FormField({ id, label, error, hint, required, children, className }: FormFieldProps) {
  const message = firstError(error);
  return (
    <div className={cn("grid gap-2", className)}>
      <Label htmlFor={id}>
        {label}
        {required && (
          <>
            <span aria-hidden="true" className="ml-0.5 text-muted-foreground">
              *
            </span>
            <span className="sr-only"> (required)</span>
          </>
        )}
      </Label>
      {children}
      {hint && (
        <p id={`${id}-hint`} className="text-sm text-muted-foreground">
          {hint}
        </p>
      )}
      {message && (
        <p id={`${id}-error`} className="text-sm text-destructive">
          {message}
        </p>
      )}
    </div>
  );
}

export { FormField, fieldA11y };
export type { FormFieldProps };
