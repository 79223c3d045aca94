import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { getDb } from "@/db";
import { readReminderSchedule } from "@/lib/reminders/schedule";
import { ReminderScheduleForm } from "./reminder-schedule-form";
import { RunRemindersButton } from "./run-reminders-button";

/** The settings page's "Payment reminders" card. Callers check "reminders:schedule". */
export async function ReminderScheduleSection() {
  const schedule = await readReminderSchedule(getDb());
  return (
    <Card id="reminders">
      <CardHeader className="flex flex-row flex-wrap items-start justify-between gap-4 space-y-0">
        <div className="grid gap-1.5">
          <CardTitle>Payment reminders</CardTitle>
          <CardDescription>
            Reminders sent on a schedule from each invoice’s due date, through the outbox, with a Pay now link. They run once a day beside subscription billing.
            {!schedule.saved && " This is the suggested schedule; it stays off until you turn it on and save."}
          </CardDescription>
        </div>
        {schedule.enabled && <RunRemindersButton />}
      </CardHeader>
      <CardContent>
        <ReminderScheduleForm enabled={schedule.enabled} steps={schedule.steps} />
      </CardContent>
    </Card>
  );
}
