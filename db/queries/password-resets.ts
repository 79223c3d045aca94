import "server-only";
import { and, eq, gt, isNull } from "drizzle-orm";
import { getDb } from "@/db";
import { passwordResets } from "@/db/schema";

/** Whether the reset with this token hash can still be used: issued, unused and within its hour. */
export async function isResetUsable(tokenHash: string, now = new Date()): Promise<boolean> {
  const [row] = await getDb()
    .select({ id: passwordResets.id })
    .from(passwordResets)
    .where(and(eq(passwordResets.tokenHash, tokenHash), isNull(passwordResets.usedAt), gt(passwordResets.expiresAt, now)))
    .limit(1);
  return Boolean(row);
}
