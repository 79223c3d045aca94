import "server-only";
import { createHash, randomBytes } from "node:crypto";

// Tokens in emailed links (invite decisions, invite acceptance, password
// resets): 256 random bits in the link, only the SHA-256 hash in the database.

export function newToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, hash: hashToken(token) };
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}
