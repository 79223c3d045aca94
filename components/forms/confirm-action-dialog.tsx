"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { AlertDialog, AlertDialogCancel, AlertDialogContent, AlertDialogDescription, AlertDialogFooter, AlertDialogHeader, AlertDialogTitle, AlertDialogTrigger } from "@/components/ui/alert-dialog";
import { Button } from "@/components/ui/button";
import { toast } from "@/components/ui/toast";
import type { ConfirmActionProps } from "./confirm-trigger";
import { actionFailureMessage } from "./action-failure";

/**
 * The confirmation itself (Radix's AlertDialog, loaded on first use by
 * confirm-action.tsx), open from the start because the person clicked;
 * `trigger` is that same button. The dialog stays open while the action runs, shows a refusal in
 * place, and on success toasts and refreshes.
 */
export function ConfirmActionDialog<I, R>({ trigger, ...props }: Omit<ConfirmActionProps<I, R>, "trigger"> & { trigger: React.ReactElement }) {
  const router = useRouter();
  const [open, setOpen] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function run() {
    startTransition(async () => {
      let result: Awaited<ReturnType<typeof props.action>>;
      try {
        result = await props.action(undefined, props.input);
      } catch (error) {
        // The call itself failed (offline, a deploy): said in place, instead of the area's error page.
        const message = actionFailureMessage(error);
        startTransition(() => setError(message));
        return;
      }
      // Updates after an await leave the transition unless wrapped again: the refusal (or the closing) and the
      // end of `pending` are drawn together, so Escape and Cancel never meet a dialog still "sending".
      startTransition(() => {
        if (!result.ok) setError(result.formError ?? "That didn't work. Try again.");
        else setOpen(false);
      });
      if (!result.ok) return;
      const message = typeof props.successMessage === "function" ? props.successMessage(result.data) : props.successMessage;
      toast({ title: message, variant: "success" });
      if (props.redirectTo) router.push(props.redirectTo);
      else router.refresh();
    });
  }

  return (
    <AlertDialog
      open={open}
      onOpenChange={(next) => {
        if (pending) return;
        setOpen(next);
        setError(null);
      }}
    >
      <AlertDialogTrigger asChild>{trigger}</AlertDialogTrigger>
      <AlertDialogContent>
        <AlertDialogHeader>
          <AlertDialogTitle>{props.title}</AlertDialogTitle>
          <AlertDialogDescription asChild>
            <div>{props.description}</div>
          </AlertDialogDescription>
        </AlertDialogHeader>
        {error && (
          <p role="alert" className="rounded-md border border-destructive/40 bg-destructive/10 px-3 py-2 text-sm text-destructive">
            {error}
          </p>
        )}
        <AlertDialogFooter>
          <AlertDialogCancel disabled={pending}>Cancel</AlertDialogCancel>
          {/* A plain button, not AlertDialogAction, so the dialog stays open until the action answers. */}
          <Button variant={props.destructive ? "destructive" : "default"} pending={pending} onClick={run}>
            {props.confirmLabel}
          </Button>
        </AlertDialogFooter>
      </AlertDialogContent>
    </AlertDialog>
  );
}
