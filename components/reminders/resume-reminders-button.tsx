"use client";

import { ConfirmAction } from "@/components/forms/confirm-action";
import { Icon } from "@/components/ui/icon";
import { resumeReminders } from "@/lib/actions/reminders/resume-reminders";

export function ResumeRemindersButton({ target, id, name }: { target: "invoice" | "client"; id: number; name: string }) {
  return (
    <ConfirmAction
      action={resumeReminders}
      input={{ target, id }}
      triggerSize="sm"
      trigger={
        <>
          <Icon name="bell" aria-hidden="true" />
          Resume reminders
        </>
      }
      title={`Resume automatic reminders for ${name}?`}
      description="From the next run, each open invoice gets the latest step it has reached, never every step it missed while paused."
      confirmLabel="Resume reminders"
      successMessage={`Automatic reminders resumed for ${name}`}
    />
  );
}
