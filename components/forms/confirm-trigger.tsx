import { Button, type ButtonProps } from "@/components/ui/button";
import type { FormState } from "@/lib/form-state";

/** The button that opens the confirmation, the same before and after the dialog's code has loaded. */
export function ConfirmTrigger({ label, variant = "outline", ...props }: Omit<ButtonProps, "children"> & { label: React.ReactNode }) {
  return (
    <Button variant={variant} aria-haspopup="dialog" {...props}>
      {label}
    </Button>
  );
}

export type ConfirmActionProps<I, R> = {
  action: (prev: FormState<R> | undefined, input: I) => Promise<FormState<R>>;
  input: I;
  /** The button that opens the dialog. */
  trigger: React.ReactNode;
  triggerVariant?: ButtonProps["variant"];
  triggerSize?: ButtonProps["size"];
  triggerDisabled?: boolean;
  title: string;
  description: React.ReactNode;
  confirmLabel: string;
  destructive?: boolean;
  /** The toast after success; receives the action's data. */
  successMessage: string | ((data: R | undefined) => string);
  /** Where to go afterwards; without it the current page refreshes. */
  redirectTo?: string;
};
