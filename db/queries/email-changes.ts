import "server-only";
import { and, desc, eq, gt, isNull } from "drizzle-orm";
import { getDb } from "@/db";
import { emailChanges } from "@/db/schema";

export type PendingEmailChange = { newEmail: string; expiresAt: Date };

/** The person's change of email still waiting for its link, for the profile page. */
export async function getPendingEmailChange(userId: number, now = new Date()): Promise<PendingEmailChange | null> {
  const [row] = await getDb()
    .select({ newEmail: emailChanges.newEmail, expiresAt: emailChanges.expiresAt })
    .from(emailChanges)
    .where(and(eq(emailChanges.userId, userId), isNull(emailChanges.usedAt), gt(emailChanges.expiresAt, now)))
    .orderBy(desc(emailChanges.createdAt))
    .limit(1);
  return row ?? null;
}
