import { char, index, mysqlEnum, mysqlTable, uniqueIndex, varchar } from "drizzle-orm/mysql-core";
import { createdAt, id, ref, timestamp } from "./columns";

export const inviteStatuses = ["pending_approval", "approved", "rejected", "accepted", "expired"] as const;
export type InviteStatus = (typeof inviteStatuses)[number];

// Tokens are stored only as SHA-256 hashes; the raw values live in the emails.
export const staffInvites = mysqlTable(
  "staff_invites",
  {
    id: id(),
    email: varchar("email", { length: 255 }).notNull(),
    name: varchar("name", { length: 120 }).notNull(),
    requestedBy: ref("requested_by").notNull(),
    status: mysqlEnum("status", inviteStatuses).notNull().default("pending_approval"),
    decisionTokenHash: char("decision_token_hash", { length: 64 }),
    decisionExpiresAt: timestamp("decision_expires_at"),
    acceptTokenHash: char("accept_token_hash", { length: 64 }),
    expiresAt: timestamp("expires_at"),
    decidedBy: ref("decided_by"),
    decidedAt: timestamp("decided_at"),
    acceptedAt: timestamp("accepted_at"),
    acceptedUserId: ref("accepted_user_id"),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("staff_invites_decision_uq").on(t.decisionTokenHash),
    uniqueIndex("staff_invites_accept_uq").on(t.acceptTokenHash),
    index("staff_invites_status_idx").on(t.status, t.createdAt),
    index("staff_invites_email_idx").on(t.email),
  ],
);
