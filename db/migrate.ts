import { drizzle } from "drizzle-orm/mysql2";
import { migrate } from "drizzle-orm/mysql2/migrator";
import mysql from "mysql2/promise";
import path from "node:path";

/**
 * Applies the committed migrations with drizzle-orm's migrator, which (unlike
 * `drizzle-kit migrate`) reports the failing SQL.
 */
export async function runMigrations(url: string): Promise<void> {
  const conn = await mysql.createConnection({ uri: url, multipleStatements: false });
  try {
    await migrate(drizzle(conn), { migrationsFolder: path.join(process.cwd(), "db", "migrations") });
  } finally {
    await conn.end();
  }
}
