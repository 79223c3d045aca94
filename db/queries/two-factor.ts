import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "@/db";
import { users } from "@/db/schema";

/** The signed-in user's own two-step sign-in state, for the profile page. */
export async function getTwoFactorStatus(userId: number): Promise<{ enabled: boolean; phone: string | null }> {
  const [row] = await getDb().select({ twoFactor: users.twoFactor, phone: users.phone }).from(users).where(eq(users.id, userId)).limit(1);
  return { enabled: row ? row.twoFactor !== "none" : false, phone: row?.phone ?? null };
}
