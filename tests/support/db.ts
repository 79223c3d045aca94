import { closeDb, getDb, getPool } from "@/db";

export { getDb, closeDb };

/** Empties every table (keeps the migrations journal). Integration tests call it in beforeAll. */
export async function resetDatabase(): Promise<void> {
  const [rows] = await getPool().query<import("mysql2").RowDataPacket[]>(
    "SELECT table_name AS t FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name <> '__drizzle_migrations'",
  );
  for (const row of rows) await getPool().query(`TRUNCATE TABLE \`${row.t as string}\``);
}
