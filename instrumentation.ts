// Next.js calls register() once when a server process starts.
export async function register() {
  // The worker needs Node (mysql2, the provider SDKs); the edge runtime runs this file too.
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.OUTBOX_WORKER === "off") return;
  const { startInlineWorker } = await import("./lib/notify/worker-env");
  startInlineWorker();
}
