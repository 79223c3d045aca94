import "server-only";
import { env } from "@/lib/env";
import { onOutboxKick } from "./kick";
import { providersFromEnv } from "./providers";
import { stopOnSignals } from "./stop-on-signals";
import { createWorker, type OutboxWorker, type WorkerOptions } from "./worker";

/** A worker configured from the environment: providers, poll interval, attempt limit. */
export function createWorkerFromEnv(overrides: Partial<WorkerOptions> = {}): OutboxWorker {
  const e = env();
  return createWorker({ providers: providersFromEnv(), pollMs: e.OUTBOX_POLL_MS, maxAttempts: e.OUTBOX_MAX_ATTEMPTS, ...overrides });
}

// Kept on globalThis so `next dev` reloading instrumentation never starts a second worker.
const store = globalThis as unknown as { __clientdeskInlineWorker?: OutboxWorker };

/**
 * The worker inside the Next.js server (OUTBOX_WORKER=inline, the default),
 * started from instrumentation.ts. It listens for kickOutbox(), so a message
 * queued by a request in this process goes out right after its commit. Small
 * batches leave most of the connection pool to requests. On SIGTERM or SIGINT
 * it stops beside Next's own shutdown: sends in flight get up to 10 s to be
 * recorded and claimed messages not yet sent are released at once, instead
 * of waiting out their 60 s lease.
 */
export function startInlineWorker(): OutboxWorker {
  if (store.__clientdeskInlineWorker) return store.__clientdeskInlineWorker;
  const worker = createWorkerFromEnv({ batchSize: 5 });
  onOutboxKick(worker.kick);
  worker.start();
  stopOnSignals(() => worker.stop(), 12_000);
  store.__clientdeskInlineWorker = worker;
  console.log(`[outbox] worker ${worker.id} started in the app server`);
  return worker;
}
