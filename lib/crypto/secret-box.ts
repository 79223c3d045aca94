import "server-only";
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { env } from "@/lib/env";

// "v1.<iv>.<ciphertext + tag>", base64url: AES-256-GCM under a key derived
// from AUTH_SECRET with HKDF for one purpose (the box's `info`), so a key is
// useless for signing cookies or tokens, or for another box. A new format or
// key gets a new version and the old one stays readable.
const VERSION = "v1";
const SALT = "clientdesk";

/** A sealed value can't be opened: another AUTH_SECRET, another row, or altered. */
export class SecretBoxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SecretBoxError";
  }
}

export type SecretBox = {
  /**
   * Encrypts `plain`, bound to `context` (authenticated, not stored): opening it
   * with any other context fails, so a sealed value moved to another row can't be read.
   */
  seal(plain: string, context: string, secret?: string): string;
  open(sealed: string, context: string, secret?: string): string;
};

/** A box whose key is derived for `info` alone ("clientdesk outbox secrets v1", ...). */
export function secretBox(info: string): SecretBox {
  let cached: { secret: string; key: Buffer } | undefined;
  const keyFor = (secret: string): Buffer => {
    if (cached?.secret !== secret) cached = { secret, key: Buffer.from(hkdfSync("sha256", secret, SALT, info, 32)) };
    return cached.key;
  };
  return {
    seal(plain, context, secret = env().AUTH_SECRET) {
      const iv = randomBytes(12);
      const cipher = createCipheriv("aes-256-gcm", keyFor(secret), iv);
      cipher.setAAD(Buffer.from(context, "utf8"));
      const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final(), cipher.getAuthTag()]);
      return `${VERSION}.${iv.toString("base64url")}.${body.toString("base64url")}`;
    },
    open(sealed, context, secret = env().AUTH_SECRET) {
      const [version, iv, body, extra] = sealed.split(".");
      if (version !== VERSION || !iv || !body || extra !== undefined) throw new SecretBoxError(`Unknown sealed format "${sealed.slice(0, 3)}".`);
      const raw = Buffer.from(body, "base64url");
      if (raw.length < 16) throw new SecretBoxError("The sealed value is truncated.");
      try {
        const decipher = createDecipheriv("aes-256-gcm", keyFor(secret), Buffer.from(iv, "base64url"));
        decipher.setAAD(Buffer.from(context, "utf8"));
        decipher.setAuthTag(raw.subarray(raw.length - 16));
        return Buffer.concat([decipher.update(raw.subarray(0, raw.length - 16)), decipher.final()]).toString("utf8");
      } catch {
        throw new SecretBoxError("The sealed value can't be decrypted: AUTH_SECRET changed, or the row was altered.");
      }
    },
  };
}
