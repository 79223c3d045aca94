import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "@/db";
import { users } from "@/db/schema";

/** The signed-in user's own texted-code sign-in state, for the profile page. usesApp: an authenticator app replaced texted codes. */
export async function getTwoFactorStatus(userId: number): Promise<{ enabled: boolean; usesApp: boolean; phone: string | null }> {
  const [row] = await getDb().select({ twoFactor: users.twoFactor, phone: users.phone }).from(users).where(eq(users.id, userId)).limit(1);
  return { enabled: row?.twoFactor === "sms", usesApp: row?.twoFactor === "totp", phone: row?.phone ?? null };
}
