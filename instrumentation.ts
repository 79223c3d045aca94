// Next.js calls register() once when a server process starts.
export async function register() {
  // The worker needs Node (mysql2, the provider SDKs); the edge runtime runs this file too.
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.OUTBOX_WORKER === "off") return;
  const { startInlineWorker } = await import("./lib/notify/worker-env");
  // Invoice and receipt PDFs for attachments, rendered by this process's Chromium pool.
  await import("./lib/pdf/register");
  startInlineWorker();
  // Billing, automatic payment reminders and retention once a day, beside the worker (idempotent, so many processes may run them).
  const { startDailySchedule } = await import("./lib/schedule/daily");
  startDailySchedule();
}
