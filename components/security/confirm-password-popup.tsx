"use client";

import { useEffect, useId, useRef, type ReactElement } from "react";
import { FormAlert } from "@/components/forms/form-alert";
import { useDialogForm } from "@/components/forms/use-dialog-form";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { FormField, fieldA11y } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import type { FormState } from "@/lib/form-state";
import { passwordOnlySchema } from "@/lib/validation/two-factor";

export type ConfirmPasswordProps<R> = {
  /** What the password lets the person do next, under the title. */
  description: string;
  confirmLabel: string;
  /** The step that takes the password: the server checks it (and counts a wrong one) before doing anything. */
  action: (prev: undefined, input: Record<string, unknown>) => Promise<FormState<R>>;
  /** The step's answer, once the password was right, drawn in the commit that closes the dialog. */
  onConfirmed(data: R): void;
};

/**
 * "Confirm it's you": the current password before adding a way to sign in or
 * new recovery codes, so a session alone can't. Loaded on first use by
 * confirm-password-dialog.tsx and open from the start; `trigger` is the
 * button that opened it, which gets focus back. A wrong password stays in the
 * dialog as the field's error, selected to type again.
 */
export function ConfirmPasswordPopup<R>({ trigger, description, confirmLabel, action, onConfirmed }: ConfirmPasswordProps<R> & { trigger: ReactElement }) {
  const { open, onOpenChange, pending, onSubmit, errors, formError } = useDialogForm({
    action,
    schema: passwordOnlySchema,
    extra: {},
    // The start actions make a new challenge or secret on each call; nothing to replay.
    idempotent: false,
    refresh: false,
    initiallyOpen: true,
    onSuccess: onConfirmed,
  });
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (!errors.password) return;
    input.current?.focus();
    input.current?.select();
  }, [errors]);

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogTrigger asChild>{trigger}</DialogTrigger>
      <DialogContent className="sm:max-w-md">
        <DialogHeader>
          <DialogTitle>Confirm it&apos;s you</DialogTitle>
          <DialogDescription>{description}</DialogDescription>
        </DialogHeader>
        <form onSubmit={onSubmit} noValidate className="grid gap-4">
          <FormAlert message={errors.password ? null : formError} />
          <FormField id={id} label="Your password" error={errors.password}>
            <Input ref={input} {...fieldA11y(id, errors.password)} name="password" type="password" autoComplete="current-password" required />
          </FormField>
          <DialogFooter>
            <DialogClose asChild>
              <Button type="button" variant="ghost" disabled={pending}>
                Cancel
              </Button>
            </DialogClose>
            <Button type="submit" pending={pending}>
              {confirmLabel}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
