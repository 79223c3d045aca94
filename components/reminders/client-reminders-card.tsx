import { LocalTime } from "@/components/time/viewer-time";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { getDb } from "@/db";
import { readClientReminderPause } from "@/lib/reminders/status";
import { PauseRemindersDialog } from "./pause-reminders-dialog";
import { ResumeRemindersButton } from "./resume-reminders-button";

/** The client page's automatic reminder pause: who paused them and why, with pause/resume. */
export async function ClientRemindersCard({ clientId, name, canPause }: { clientId: number; name: string; canPause: boolean }) {
  const pause = await readClientReminderPause(getDb(), clientId);
  return (
    <Card data-testid="client-reminders">
      <CardHeader>
        <CardTitle>Automatic reminders</CardTitle>
        <CardDescription>{pause ? "Paused: none of this client’s invoices get scheduled reminders." : "This client’s open invoices follow the payment reminder schedule."}</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-3">
        {pause && (
          <p className="text-sm">
            {pause.reason}
            <span className="block text-xs text-muted-foreground">
              {pause.pausedBy ?? "Someone"} · <LocalTime value={pause.pausedAt} show="date" />
            </span>
          </p>
        )}
        {canPause && <div>{pause ? <ResumeRemindersButton target="client" id={clientId} name={name} /> : <PauseRemindersDialog target="client" id={clientId} name={name} />}</div>}
      </CardContent>
    </Card>
  );
}
