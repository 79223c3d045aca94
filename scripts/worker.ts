// `npm run worker`: an outbox worker in its own process, for deployments that
// run the app with OUTBOX_WORKER=off or want more senders. Any number may run
// at once. SIGTERM or SIGINT stops claiming, releases claimed messages not yet
// sent, waits up to 10 s for the sends in flight to be recorded, then exits.
import { closeDb } from "@/db";
import { emailConfigured, smsConfigured } from "@/lib/env";
import { createWorkerFromEnv } from "@/lib/notify/worker-env";
import { getPdfPool } from "@/lib/pdf/print";
// Invoice and receipt PDFs for attachments.
import "@/lib/pdf/register";
import { startDailySchedule } from "@/lib/schedule/daily";

const worker = createWorkerFromEnv({ batchSize: 20 });
worker.start();
// Billing, automatic payment reminders and retention once a day (idempotent: several workers may run them).
const daily = startDailySchedule();
console.log(`[outbox] worker ${worker.id} started: email via ${emailConfigured() ? "Resend" : "capture"}, SMS via ${smsConfigured() ? "Twilio" : "capture"}.`);

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`[outbox] worker ${worker.id}: ${signal}, finishing the sends in flight...`);
  await worker.stop();
  daily.stop();
  await getPdfPool().close();
  await closeDb();
  process.exit(0);
}
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));
