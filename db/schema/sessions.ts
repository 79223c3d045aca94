import { char, index, int, mysqlTable, uniqueIndex, varchar } from "drizzle-orm/mysql-core";
import { createdAt, id, ref, timestamp } from "./columns";

// One row per signed-in browser. The session cookie (an Auth.js JWT) carries
// a random session id; only its SHA-256 is stored, so a database backup
// can't be turned into cookies. Signing out deletes the row, which ends that
// session on the server whatever the browser keeps.
export const sessions = mysqlTable(
  "sessions",
  {
    id: id(),
    tokenHash: char("token_hash", { length: 64 }).notNull(),
    userId: ref("user_id").notNull(),
    // The user's session_version when this session began: a bump ends it too.
    sessionVersion: int("session_version").notNull(),
    ip: varchar("ip", { length: 45 }),
    userAgent: varchar("user_agent", { length: 255 }),
    createdAt: createdAt(),
    lastSeenAt: timestamp("last_seen_at").notNull(),
    // Slides with activity: each renewal of the cookie moves it on.
    expiresAt: timestamp("expires_at").notNull(),
  },
  (t) => [uniqueIndex("sessions_token_uq").on(t.tokenHash), index("sessions_user_idx").on(t.userId, t.lastSeenAt), index("sessions_expires_idx").on(t.expiresAt)],
);
