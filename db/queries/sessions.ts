import "server-only";
import { and, desc, eq, gt } from "drizzle-orm";
import { getDb } from "@/db";
import { sessions, users } from "@/db/schema";

export type SessionListItem = { id: number; ip: string | null; userAgent: string | null; createdAt: Date; lastSeenAt: Date };

/** The person's live sessions (this browser among them), most recently used first. */
export async function listOwnSessions(userId: number, now = new Date()): Promise<SessionListItem[]> {
  return getDb()
    .select({ id: sessions.id, ip: sessions.ip, userAgent: sessions.userAgent, createdAt: sessions.createdAt, lastSeenAt: sessions.lastSeenAt })
    .from(sessions)
    .innerJoin(users, and(eq(users.id, sessions.userId), eq(users.sessionVersion, sessions.sessionVersion)))
    .where(and(eq(sessions.userId, userId), gt(sessions.expiresAt, now)))
    .orderBy(desc(sessions.lastSeenAt))
    .limit(50);
}
