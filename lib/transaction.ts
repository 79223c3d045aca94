import "server-only";
import { is } from "drizzle-orm";
import { MySqlTransaction } from "drizzle-orm/mysql-core";
import type { DbOrTx, Tx } from "@/db";
import { env } from "@/lib/env";

// InnoDB picks a victim when two transactions wait on each other (1213) or a
// lock wait runs out (1205). Both roll the whole transaction back, so running
// it again from the start is safe.
const RETRYABLE = new Set([1213, 1205]);
const DUPLICATE_KEY = 1062;

function mysqlErrno(error: unknown): number | undefined {
  let current: unknown = error;
  for (let depth = 0; current && depth < 4; depth++) {
    const errno = (current as { errno?: unknown }).errno;
    if (typeof errno === "number") return errno;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

export function isDuplicateKey(error: unknown, indexName?: string): boolean {
  if (mysqlErrno(error) !== DUPLICATE_KEY) return false;
  if (!indexName) return true;
  const messages: string[] = [];
  for (let e: unknown = error, depth = 0; e && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    messages.push(String((e as { message?: unknown }).message ?? ""));
  }
  return messages.some((m) => m.includes(indexName));
}

export type TransactionOptions = {
  /** How many times to run it in all before a deadlock or lock timeout is passed on (default DATABASE_TX_ATTEMPTS, 5). */
  attempts?: number;
  /** For the transactions that need one (the outbox claim reads committed rows only). */
  isolationLevel?: "read committed" | "repeatable read" | "serializable";
};

/**
 * Runs fn in one transaction: every write of the app goes through here (the
 * lint refuses a bare `.transaction(`). Given an open transaction, fn joins
 * it (the caller owns commit and retries); given the database, a deadlock
 * (1213, which a Galera cluster also answers when two nodes changed the same
 * row) or a lock wait timeout (1205) rolls everything back and reruns the
 * whole of fn, with a jittered, growing pause, up to `attempts` times. fn must
 * keep its effects inside the transaction (messages go through the outbox),
 * so a rerun never queues a message or writes an audit row twice.
 */
export async function inTransaction<T>(db: DbOrTx, fn: (tx: Tx) => Promise<T>, options: TransactionOptions = {}): Promise<T> {
  if (is(db, MySqlTransaction)) return fn(db as Tx);
  const attempts = options.attempts ?? env().DATABASE_TX_ATTEMPTS;
  const config = options.isolationLevel ? { isolationLevel: options.isolationLevel } : undefined;
  for (let attempt = 1; ; attempt++) {
    try {
      // eslint-disable-next-line no-restricted-syntax -- the one place a transaction is opened
      return await db.transaction(fn, config);
    } catch (error) {
      const errno = mysqlErrno(error);
      if (errno === undefined || !RETRYABLE.has(errno) || attempt >= attempts) throw error;
      // A short random pause, growing with each attempt, keeps the retried transactions from colliding again.
      await new Promise((resolve) => setTimeout(resolve, 5 + Math.random() * 20 * attempt));
    }
  }
}
