import { LocalTime } from "@/components/time/viewer-time";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { getDb } from "@/db";
import { formatDate } from "@/lib/dates";
import { readInvoiceReminderStatus, type ReminderInvoice, type ReminderPause } from "@/lib/reminders/status";
import { describeOffset } from "@/lib/reminders/steps";
import { PauseRemindersDialog } from "./pause-reminders-dialog";
import { ResumeRemindersButton } from "./resume-reminders-button";
import { plural } from "@/lib/plural";

const WHY_NONE = {
  off: "Automatic reminders are off (Settings → Payment reminders).",
  no_steps: "The reminder schedule has no steps.",
  not_open: "None: only sent or partly paid invoices with a balance get reminders.",
  archived: "None: the client is archived.",
  paused: "None while paused.",
  done: "None left: every step of the schedule is behind this invoice.",
} as const;

function PauseNote({ pause }: { pause: ReminderPause }) {
  return (
    <p className="text-sm">
      <span className="font-medium">{pause.target === "client" ? "Paused for this client" : "Paused for this invoice"}</span>: {pause.reason}
      <span className="block text-xs text-muted-foreground">
        {pause.pausedBy ?? "Someone"} · <LocalTime value={pause.pausedAt} show="date" />
      </span>
    </p>
  );
}

/** The invoice page's "Automatic reminders": the next scheduled step (its day and the step) or why none, pauses, and pause/resume. */
export async function InvoiceRemindersCard({ invoice, number, today, canPause }: { invoice: ReminderInvoice; number: string; today: string; canPause: boolean }) {
  const invoiceId = invoice.id;
  const status = await readInvoiceReminderStatus(getDb(), invoice, today);
  if (!status) return null;
  const open = status.state !== "not_open";
  return (
    <Card data-testid="invoice-reminders">
      <CardHeader>
        <CardTitle>Automatic reminders</CardTitle>
        <CardDescription>{status.sent ? `${plural(status.sent, "scheduled reminder")} sent so far.` : "From the payment reminder schedule."}</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-3">
        <p className="text-sm" data-testid="next-reminder">
          <span className="text-muted-foreground">Next: </span>
          {status.state === "next" ? (
            <>
              {status.day === today ? "today" : formatDate(status.day)}, {status.step.tone} {[status.step.email && "email", status.step.sms && "SMS"].filter(Boolean).join(" and ")} (
              {describeOffset(status.step.offsetDays)})
            </>
          ) : (
            WHY_NONE[status.state]
          )}
        </p>
        {status.clientPause && <PauseNote pause={status.clientPause} />}
        {status.invoicePause && <PauseNote pause={status.invoicePause} />}
        {canPause && open && (
          <div className="flex flex-wrap gap-2">
            {status.invoicePause ? <ResumeRemindersButton target="invoice" id={invoiceId} name={number} /> : <PauseRemindersDialog target="invoice" id={invoiceId} name={number} />}
          </div>
        )}
      </CardContent>
    </Card>
  );
}
