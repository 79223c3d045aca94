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
