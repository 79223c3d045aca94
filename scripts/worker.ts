// `npm run worker`: an outbox worker in its own process, for deployments that
// run the app with OUTBOX_WORKER=off or want more senders. Any number may run
// at once. SIGTERM or SIGINT finishes the round in progress, then exits.
import { closeDb } from "@/db";
import { emailConfigured, smsConfigured } from "@/lib/env";
import { createWorkerFromEnv } from "@/lib/notify/worker-env";

const worker = createWorkerFromEnv({ batchSize: 20 });
worker.start();
console.log(
  `[outbox] worker ${worker.id} started: email via ${emailConfigured() ? "Resend" : "capture"}, SMS via ${smsConfigured() ? "Twilio" : "capture"}.`,
);

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`[outbox] worker ${worker.id}: ${signal}, finishing the current round...`);
  await worker.stop();
  await closeDb();
  process.exit(0);
}
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));
