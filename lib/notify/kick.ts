import "server-only";

type Listener = () => void;

// On globalThis because Next.js bundles instrumentation.ts (where the worker
// starts) and the app's routes and actions separately: a module-level Set
// would be a different Set in each bundle.
const store = globalThis as unknown as { __clientdeskOutboxKick?: Set<Listener> };
const listeners = (store.__clientdeskOutboxKick ??= new Set());

/**
 * Wakes the in-process outbox worker now instead of at its next poll. Call it
 * after the transaction that queued a message has committed (never inside it:
 * the worker can't see uncommitted rows). One-time codes use this to reach the
 * provider in well under a second:
 *
 *   await inTransaction(db, (tx) => enqueue(tx, { channel: "sms", template: "otp_code", ... }));
 *   kickOutbox();
 *
 * It does nothing when no worker runs in this process (OUTBOX_WORKER=off);
 * separate `npm run worker` processes pick the message up at their next poll.
 */
export function kickOutbox(): void {
  for (const listener of listeners) listener();
}

/** Subscribes a worker to kicks; returns the unsubscribe function. */
export function onOutboxKick(listener: Listener): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}
