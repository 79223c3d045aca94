import { char, index, mysqlTable, uniqueIndex, varchar } from "drizzle-orm/mysql-core";
import { createdAt, id, ref, timestamp } from "./columns";

// A requested change of a user's email: it takes effect only when the link
// sent to the new address is opened. The token is stored as a SHA-256 hash.
export const emailChanges = mysqlTable(
  "email_changes",
  {
    id: id(),
    userId: ref("user_id").notNull(),
    newEmail: varchar("new_email", { length: 255 }).notNull(),
    tokenHash: char("token_hash", { length: 64 }).notNull(),
    expiresAt: timestamp("expires_at").notNull(),
    usedAt: timestamp("used_at"),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("email_changes_token_uq").on(t.tokenHash), index("email_changes_user_idx").on(t.userId, t.createdAt)],
);
