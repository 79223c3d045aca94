"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition, type ReactElement, type ReactNode } from "react";
import { FormAlert } from "@/components/forms/form-alert";
import { AlertDialog, AlertDialogCancel, AlertDialogContent, AlertDialogDescription, AlertDialogFooter, AlertDialogHeader, AlertDialogTitle, AlertDialogTrigger } from "@/components/ui/alert-dialog";
import { Button } from "@/components/ui/button";
import { FormField, fieldA11y } from "@/components/ui/form-field";
import { Textarea } from "@/components/ui/textarea";
import { toast } from "@/components/ui/toast";
import type { FormState } from "@/lib/form-state";
import { actionFailureMessage } from "./action-failure";

export type ReasonConfirmProps = {
  /** The button that opened it (a DeferredPopup's), which gets focus back on close. */
  trigger: ReactElement;
  title: string;
  description: ReactNode;
  fieldId: string;
  hint?: string;
  placeholder: string;
  maxLength: number;
  /** What is wrong with the reason as typed, checked before sending (the server checks again). */
  problem: (reason: string) => string | null;
  submit: (reason: string) => Promise<FormState<unknown>>;
  successTitle: string;
  cancelLabel: string;
  confirmLabel: string;
  destructive?: boolean;
};

/**
 * A confirmation that asks why, for a step the team reads about later (voiding
 * an invoice, pausing reminders): the reason is required, its error and the
 * server's show in place, and on success it closes, a toast says what happened
 * and the page's data is refreshed. Mounted open by the click on `trigger`
 * (components/ui/deferred-popup.tsx); it can't close while sending.
 */
export function ReasonConfirmPopup({
  trigger,
  title,
  description,
  fieldId,
  hint,
  placeholder,
  maxLength,
  problem,
  submit,
  successTitle,
  cancelLabel,
  confirmLabel,
  destructive = false,
}: ReasonConfirmProps) {
  const router = useRouter();
  const [open, setOpen] = useState(true);
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [fieldError, setFieldError] = useState<string[] | undefined>();
  const [pending, startTransition] = useTransition();

  function run() {
    const found = problem(reason);
    if (found) {
      setFieldError([found]);
      return;
    }
    startTransition(async () => {
      let result: FormState<unknown>;
      try {
        result = await submit(reason);
      } catch (error) {
        // The call itself failed (offline, a deploy): said in place, with the reason still typed.
        const message = actionFailureMessage(error);
        startTransition(() => setError(message));
        return;
      }
      // Updates after an await leave the transition unless wrapped again: the refusal (or the closing) and the
      // end of `pending` are drawn together, so Escape and Cancel never meet a dialog still "sending".
      startTransition(() => {
        if (!result.ok) {
          setFieldError(result.fieldErrors.reason);
          setError(result.formError);
        } else {
          setOpen(false);
          setReason("");
        }
      });
      if (!result.ok) return;
      toast({ title: successTitle, variant: "success" });
      router.refresh();
    });
  }

  return (
    <AlertDialog
      open={open}
      onOpenChange={(next) => {
        if (pending) return;
        setOpen(next);
        setError(null);
        setFieldError(undefined);
      }}
    >
      <AlertDialogTrigger asChild>{trigger}</AlertDialogTrigger>
      <AlertDialogContent>
        <AlertDialogHeader>
          <AlertDialogTitle>{title}</AlertDialogTitle>
          <AlertDialogDescription>{description}</AlertDialogDescription>
        </AlertDialogHeader>
        <FormAlert message={error} />
        <FormField id={fieldId} label="Reason" required error={fieldError} hint={hint}>
          <Textarea {...fieldA11y(fieldId, fieldError, Boolean(hint))} value={reason} onChange={(e) => setReason(e.target.value)} rows={3} maxLength={maxLength} placeholder={placeholder} />
        </FormField>
        <AlertDialogFooter>
          <AlertDialogCancel disabled={pending}>{cancelLabel}</AlertDialogCancel>
          <Button variant={destructive ? "destructive" : "default"} pending={pending} onClick={run}>
            {confirmLabel}
          </Button>
        </AlertDialogFooter>
      </AlertDialogContent>
    </AlertDialog>
  );
}
