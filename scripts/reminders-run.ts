// `npm run reminders:run [YYYY-MM-DD]`: the dunning run by hand (the daily
// schedule runs it beside billing). Safe to run any number of times, and
// beside the schedule: each invoice gets each step once.
import { closeDb, getDb } from "@/db";
import { runReminderSchedule } from "@/lib/reminders/run";

const today = process.argv.find((a) => /^\d{4}-\d{2}-\d{2}$/.test(a));

async function main() {
  const started = Date.now();
  const result = await runReminderSchedule(getDb(), { today });
  if (!result.enabled) console.log("Automatic reminders are off (Settings → Payment reminders). Nothing queued.");
  else console.log(`Reminders for ${result.day} done in ${Date.now() - started} ms: ${result.invoices} invoices reminded, ${result.messages} messages queued.`);
}

main()
  .catch((error: unknown) => {
    console.error("Reminder run failed:", error instanceof Error ? error.message : error);
    process.exitCode = 1;
  })
  .finally(() => closeDb());
