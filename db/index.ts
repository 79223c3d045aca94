import "server-only";
import { drizzle, type MySql2Database } from "drizzle-orm/mysql2";
import type { Pool } from "mysql2/promise";
import { env } from "@/lib/env";
import { createPools, type CallbackPool, type Pools, type SqlPool } from "./connect";
import * as schema from "./schema";

export type Db = MySql2Database<typeof schema>;
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
/** A database handle or an open transaction: domain functions accept either. */
export type DbOrTx = Db | Tx;
export type { SqlPool };

type Cache = { pools?: Pools; db?: Db };
// One pool per process, kept on globalThis so dev hot reloads don't leak pools.
const cache = globalThis as unknown as { __clientdeskDb?: Cache };
const store: Cache = (cache.__clientdeskDb ??= {});

function pools(): Pools {
  store.pools ??= createPools(env());
  return store.pools;
}

/** The pool: one host's mysql2 Pool, or the ordered failover PoolCluster (db/connect.ts). */
export function getPool(): SqlPool {
  return pools().pool;
}

/** The same pool with mysql2's callback API, for rate-limiter-flexible. */
export function getCallbackPool(): CallbackPool {
  return pools().callbackPool;
}

/** The database hosts in the order they are tried. */
export function databaseHosts(): string[] {
  return pools().hosts;
}

export function getDb(): Db {
  // Drizzle's mysql2 driver takes anything with query, execute and getConnection: a Pool or the cluster's namespace.
  store.db ??= drizzle(getPool() as Pool, { schema, mode: "default", logger: env().LOG_QUERIES });
  return store.db;
}

/** Closes the pool (scripts and tests). */
export async function closeDb(): Promise<void> {
  const current = store.pools;
  store.pools = undefined;
  store.db = undefined;
  await current?.end();
}

export { schema };
