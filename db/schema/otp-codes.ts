import { char, index, int, mysqlEnum, mysqlTable, varchar } from "drizzle-orm/mysql-core";
import { createdAt, id, ref, timestamp } from "./columns";

export const otpPurposes = ["login", "phone_verify"] as const;
export type OtpPurpose = (typeof otpPurposes)[number];

export const otpCodes = mysqlTable(
  "otp_codes",
  {
    id: id(),
    userId: ref("user_id").notNull(),
    purpose: mysqlEnum("purpose", otpPurposes).notNull(),
    codeHash: char("code_hash", { length: 64 }).notNull(),
    phone: varchar("phone", { length: 20 }),
    expiresAt: timestamp("expires_at").notNull(),
    attempts: int("attempts").notNull().default(0),
    consumedAt: timestamp("consumed_at"),
    ip: varchar("ip", { length: 45 }),
    createdAt: createdAt(),
  },
  (t) => [index("otp_codes_user_idx").on(t.userId, t.purpose, t.createdAt)],
);
