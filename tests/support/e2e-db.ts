import mysql, { type ResultSetHeader, type RowDataPacket } from "mysql2/promise";

/** A direct connection to the database the app under test uses, for arranging and checking state. */
export function connectAppDb() {
  return mysql.createConnection({ uri: process.env.DATABASE_URL!, timezone: "Z" });
}

/** One statement on the app's database, on a connection of its own: rows for a SELECT, the header for a write. */
export async function queryAppDb<T extends RowDataPacket[] | ResultSetHeader>(sql: string, params: unknown[] = []): Promise<T> {
  const db = await connectAppDb();
  try {
    const [rows] = await db.query<T>(sql, params);
    return rows;
  } finally {
    await db.end();
  }
}

/** The app's database through Drizzle, on a connection of its own, for the app's own recount and drift check. */
async function withAppDrizzle<T>(fn: (db: import("@/db").Db) => Promise<T>): Promise<T> {
  const [{ drizzle }, schema] = await Promise.all([import("drizzle-orm/mysql2"), import("@/db/schema")]);
  const connection = await connectAppDb();
  try {
    return await fn(drizzle(connection, { schema, mode: "default" }));
  } finally {
    await connection.end();
  }
}

/**
 * Recounts the dashboard's rollups on the app's database. A test that writes
 * invoices with raw SQL calls it, so the dashboard and the lists agree with
 * the rows it made, as the app's own writes keep them.
 */
export async function recountAppRollups(): Promise<void> {
  const { rebuildRollups } = await import("@/lib/rollups/rebuild");
  await withAppDrizzle((db) => rebuildRollups(db));
}

/** Where the app's invoice and service rollups differ from a recount (empty when they agree; see ./rollup-drift). */
export async function appRollupDrift(): Promise<string[]> {
  const [{ invoiceAndServiceDrift }, { inTransaction }] = await Promise.all([import("./rollup-drift"), import("@/lib/transaction")]);
  // One snapshot (a repeatable-read transaction): the app server may commit an invoice between the rollup's read and the recount's.
  return withAppDrizzle((db) => inTransaction(db, (tx) => invoiceAndServiceDrift(tx), { isolationLevel: "repeatable read" }));
}
