import { bigint, index, int, mysqlEnum, mysqlTable, uniqueIndex, varchar } from "drizzle-orm/mysql-core";
import { createdAt, id, ref, timestamp, updatedAt } from "./columns";

export const roles = ["admin", "staff", "client"] as const;
export type Role = (typeof roles)[number];

export const userStatuses = ["active", "pending_approval", "invited", "disabled"] as const;
export type UserStatus = (typeof userStatuses)[number];

export const twoFactorMethods = ["none", "sms", "totp"] as const;

export const users = mysqlTable(
  "users",
  {
    id: id(),
    email: varchar("email", { length: 255 }).notNull(),
    name: varchar("name", { length: 120 }).notNull(),
    phone: varchar("phone", { length: 20 }),
    role: mysqlEnum("role", roles).notNull(),
    passwordHash: varchar("password_hash", { length: 255 }),
    status: mysqlEnum("status", userStatuses).notNull().default("active"),
    twoFactor: mysqlEnum("two_factor", twoFactorMethods).notNull().default("none"),
    phoneVerifiedAt: timestamp("phone_verified_at"),
    // The authenticator app's secret, sealed (lib/crypto/secret-box.ts). It is only a
    // setup in progress until two_factor is "totp".
    totpSecret: varchar("totp_secret", { length: 255 }),
    // The last 30-second step a code was accepted for: a step at or before it is refused (no replay).
    totpLastStep: bigint("totp_last_step", { mode: "number" }),
    // Bumped on password change, role change or disable; older sessions end.
    sessionVersion: int("session_version").notNull().default(1),
    lastLoginAt: timestamp("last_login_at"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("users_email_uq").on(t.email), index("users_role_status_idx").on(t.role, t.status)],
);

export const passwordResets = mysqlTable(
  "password_resets",
  {
    id: id(),
    userId: ref("user_id").notNull(),
    tokenHash: varchar("token_hash", { length: 64 }).notNull(),
    expiresAt: timestamp("expires_at").notNull(),
    usedAt: timestamp("used_at"),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("password_resets_token_uq").on(t.tokenHash), index("password_resets_user_idx").on(t.userId)],
);
