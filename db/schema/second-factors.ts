import { bigint, char, index, mysqlEnum, mysqlTable, text, uniqueIndex, varchar } from "drizzle-orm/mysql-core";
import { createdAt, id, ref, timestamp } from "./columns";

// Ten single-use codes per user for when the app or passkey is lost. Only
// a SHA-256 of each (high-entropy) code is kept; regenerating deletes the set.
export const recoveryCodes = mysqlTable(
  "recovery_codes",
  {
    id: id(),
    userId: ref("user_id").notNull(),
    codeHash: char("code_hash", { length: 64 }).notNull(),
    usedAt: timestamp("used_at"),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("recovery_codes_hash_uq").on(t.codeHash), index("recovery_codes_user_idx").on(t.userId)],
);

// A user's passkeys (WebAuthn credentials). credential_id is base64url, as
// the browser reports it; the public key is COSE, base64url.
export const passkeys = mysqlTable(
  "passkeys",
  {
    id: id(),
    userId: ref("user_id").notNull(),
    credentialId: varchar("credential_id", { length: 512 }).notNull(),
    publicKey: text("public_key").notNull(),
    counter: bigint("counter", { mode: "number", unsigned: true }).notNull().default(0),
    transports: varchar("transports", { length: 255 }).notNull().default(""),
    name: varchar("name", { length: 80 }).notNull(),
    lastUsedAt: timestamp("last_used_at"),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("passkeys_credential_uq").on(t.credentialId), index("passkeys_user_idx").on(t.userId)],
);

export const webauthnPurposes = ["register", "sign_in", "second_step"] as const;
export type WebauthnPurpose = (typeof webauthnPurposes)[number];

// Challenges handed to the browser, kept as hashes until used once or expired.
export const webauthnChallenges = mysqlTable(
  "webauthn_challenges",
  {
    id: id(),
    challengeHash: char("challenge_hash", { length: 64 }).notNull(),
    purpose: mysqlEnum("purpose", webauthnPurposes).notNull(),
    userId: ref("user_id"),
    expiresAt: timestamp("expires_at").notNull(),
    usedAt: timestamp("used_at"),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("webauthn_challenges_hash_uq").on(t.challengeHash), index("webauthn_challenges_expires_idx").on(t.expiresAt)],
);
