import type { ResultSetHeader } from "mysql2";
import { queryAppDb } from "./e2e-db";

/** A fresh active user of the role, with the demo password (its hash copied from a seeded account), so a test's second factors touch no one else. */
export async function createE2eUser(role: "staff" | "admin", tag: string): Promise<{ id: number; email: string }> {
  const email = `${tag}-${Date.now().toString(36)}@example.com`;
  const res = await queryAppDb<ResultSetHeader>(
    `INSERT INTO users (email, name, role, status, password_hash, two_factor, session_version, created_at, updated_at)
     SELECT ?, ?, ?, 'active', password_hash, 'none', 1, NOW(3), NOW(3) FROM users WHERE email = 'staff@example.com'`,
    [email, `E2E ${tag}`, role],
  );
  if (res.affectedRows !== 1) throw new Error("The seeded staff@example.com account is missing.");
  return { id: res.insertId, email };
}
