import { getDb } from "@/db";
import { clients, users, type Role, type UserStatus } from "@/db/schema";
import { hashPassword } from "@/lib/auth/password";

export const TEST_PASSWORD = "Correct-Horse-9";
let passwordHash: Promise<string> | undefined;
let seq = 0;

/** Inserts a user (argon2 hash computed once per test file). */
export async function createUser(opts: { role: Role; status?: UserStatus; email?: string; name?: string }) {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  seq += 1;
  const email = opts.email ?? `${opts.role}${seq}-${Date.now()}@test.example`;
  const [res] = await getDb()
    .insert(users)
    .values({ email, name: opts.name ?? `${opts.role} ${seq}`, role: opts.role, status: opts.status ?? "active", passwordHash: await passwordHash });
  return { id: res.insertId, email, role: opts.role, sessionVersion: 1, name: opts.name ?? `${opts.role} ${seq}` };
}

/** A client user with its linked clients row. */
export async function createClientUser(name = `Client ${++seq}`) {
  const user = await createUser({ role: "client", name });
  const [res] = await getDb().insert(clients).values({ name, email: user.email, userId: user.id });
  return { user, clientId: res.insertId };
}
