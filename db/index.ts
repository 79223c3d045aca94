import "server-only";
import { drizzle, type MySql2Database } from "drizzle-orm/mysql2";
import mysql from "mysql2/promise";
import { env } from "@/lib/env";
import * as schema from "./schema";

export type Db = MySql2Database<typeof schema>;
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
/** A database handle or an open transaction: domain functions accept either. */
export type DbOrTx = Db | Tx;

type Cache = { pool?: mysql.Pool; db?: Db };
// One pool per process, kept on globalThis so dev hot reloads don't leak pools.
const cache = globalThis as unknown as { __clientdeskDb?: Cache };
const store: Cache = (cache.__clientdeskDb ??= {});

export function getPool(): mysql.Pool {
  if (!store.pool) {
    const e = env();
    const pool = mysql.createPool({
      uri: e.DATABASE_URL,
      connectionLimit: e.DATABASE_POOL_SIZE,
      timezone: "Z",
      supportBigNumbers: true,
      bigNumberStrings: false,
      enableKeepAlive: true,
    });
    // Every timestamp is UTC, so NOW() and Date values agree on any server.
    pool.on("connection", (conn) => {
      conn.query("SET time_zone = '+00:00'");
    });
    store.pool = pool;
  }
  return store.pool;
}

export function getDb(): Db {
  store.db ??= drizzle(getPool(), { schema, mode: "default", logger: env().LOG_QUERIES });
  return store.db;
}

/** Closes the pool (scripts and tests). */
export async function closeDb(): Promise<void> {
  const pool = store.pool;
  store.pool = undefined;
  store.db = undefined;
  await pool?.end();
}

export { schema };
