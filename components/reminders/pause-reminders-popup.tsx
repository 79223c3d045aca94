"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { FormAlert } from "@/components/forms/form-alert";
import { AlertDialog, AlertDialogCancel, AlertDialogContent, AlertDialogDescription, AlertDialogFooter, AlertDialogHeader, AlertDialogTitle, AlertDialogTrigger } from "@/components/ui/alert-dialog";
import { Button } from "@/components/ui/button";
import { FormField, fieldA11y } from "@/components/ui/form-field";
import { Textarea } from "@/components/ui/textarea";
import { toast } from "@/components/ui/toast";
import { pauseReminders } from "@/lib/actions/reminders/pause-reminders";

export type PauseRemindersProps = { target: "invoice" | "client"; id: number; name: string };

/**
 * Keeps an invoice, or all of a client's invoices, out of automatic reminders,
 * saying why. Loaded on first use by pause-reminders-dialog.tsx, open from the
 * start because the person clicked; `trigger` is that same button.
 */
export function PauseRemindersPopup({ target, id, name, trigger }: PauseRemindersProps & { trigger: React.ReactElement }) {
  const router = useRouter();
  const [open, setOpen] = useState(true);
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [fieldError, setFieldError] = useState<string[] | undefined>();
  const [pending, startTransition] = useTransition();
  const fieldId = `pause-reason-${target}`;

  function run() {
    if (!reason.trim()) {
      setFieldError(["Say why reminders stop, for the team"]);
      return;
    }
    startTransition(async () => {
      const result = await pauseReminders(undefined, { target, id, reason });
      if (!result.ok) {
        setFieldError(result.fieldErrors.reason);
        setError(result.formError);
        return;
      }
      setOpen(false);
      setReason("");
      toast({ title: `Automatic reminders paused for ${name}`, variant: "success" });
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
          <AlertDialogTitle>Pause automatic reminders for {name}?</AlertDialogTitle>
          <AlertDialogDescription>
            {target === "client" ? "None of this client’s invoices" : "This invoice"} will get scheduled reminders until someone resumes them. Resumed, an invoice gets only the latest step it has
            reached. Manual reminders still work.
          </AlertDialogDescription>
        </AlertDialogHeader>
        <FormAlert message={error} />
        <FormField id={fieldId} label="Reason" required error={fieldError} hint="The team sees it on the invoice and client pages.">
          <Textarea
            {...fieldA11y(fieldId, fieldError, true)}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            rows={3}
            maxLength={300}
            placeholder="e.g. Disputed, waiting for a purchase order"
          />
        </FormField>
        <AlertDialogFooter>
          <AlertDialogCancel disabled={pending}>Cancel</AlertDialogCancel>
          <Button pending={pending} onClick={run}>
            Pause reminders
          </Button>
        </AlertDialogFooter>
      </AlertDialogContent>
    </AlertDialog>
  );
}
