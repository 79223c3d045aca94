import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/db";
import { users } from "@/db/schema";
import type { Actor } from "@/lib/actor";
import { checkOwnPassword } from "@/lib/auth/password-attempts";
import { DomainError, NotFoundError } from "@/lib/errors";

/**
 * Changing how one signs in (adding a passkey or an app, removing the app,
 * new recovery codes) takes the password as well as the session, so a stolen
 * session cookie alone can't add a way in or lock the owner out. The try
 * counts against the sign-in limits; a wrong password is a field error and
 * nothing else happens.
 */
export async function requireOwnPassword(db: Db, actor: Actor, password: string): Promise<void> {
  const [user] = await db.select({ email: users.email, passwordHash: users.passwordHash }).from(users).where(eq(users.id, actor.id)).limit(1);
  if (!user) throw new NotFoundError("Your account");
  if (!(await checkOwnPassword({ email: user.email, passwordHash: user.passwordHash, password, ip: actor.ip }))) {
    throw new DomainError("That password isn't right.", { password: ["That password isn't right"] });
  }
}
