import { createDecipheriv, createHmac, hkdfSync, timingSafeEqual } from "node:crypto";

// Reads the Auth.js session cookie (a JWE: alg "dir", enc "A256CBC-HS512", as
// @auth/core/jwt `encode` writes it) with node:crypto, synchronously, with the
// derived key computed once per secret. `auth()` and `getToken()` derive the
// key with HKDF, import it into WebCrypto and decrypt through the thread pool
// on every call, and `auth()` also re-encrypts the token: about 4 ms of a
// page's CPU, on every page. The cookie is still written only by Auth.js.
//
// The checks are the ones @auth/core/jwt `decode` makes through jose: the
// header says alg "dir" and enc "A256CBC-HS512" (the only kind Auth.js
// writes; its decode also takes A256GCM, which no ClientDesk cookie is), the
// tag is verified in constant time before decrypting, and exp/nbf hold with
// 15 s of clock tolerance.

export const SESSION_COOKIE = "authjs.session-token";
export const SECURE_SESSION_COOKIE = `__Secure-${SESSION_COOKIE}`;
const CLOCK_TOLERANCE_S = 15;

/** The claims ClientDesk writes (uid, role, sv, sid: the server-side session id) and the times. */
export type SessionToken = { uid: number; role: string; sv: number; sid: string; exp: number; iat: number | null };

const keys = new Map<string, Buffer>();

/** The 64-byte key Auth.js derives for a secret and cookie name (the salt): MAC key, then AES key. */
function derivedKey(secret: string, salt: string): Buffer {
  const id = `${salt}\u0000${secret}`;
  let key = keys.get(id);
  if (!key) {
    key = Buffer.from(hkdfSync("sha256", secret, salt, `Auth.js Generated Encryption Key (${salt})`, 64));
    keys.set(id, key);
  }
  return key;
}

function decryptCbcHs512(key: Buffer, aad: Buffer, iv: Buffer, ciphertext: Buffer, tag: Buffer): Buffer | null {
  if (iv.length !== 16 || tag.length !== 32) return null;
  const al = Buffer.alloc(8);
  al.writeBigUInt64BE(BigInt(aad.length * 8));
  const mac = createHmac("sha512", key.subarray(0, 32)).update(aad).update(iv).update(ciphertext).update(al).digest().subarray(0, 32);
  if (!timingSafeEqual(mac, tag)) return null;
  const decipher = createDecipheriv("aes-256-cbc", key.subarray(32), iv);
  return Buffer.concat([decipher.update(ciphertext), decipher.final()]);
}

/** Strict base64url: Buffer.from() skips characters it doesn't know, jose refuses them. */
function base64url(part: string): Buffer | null {
  const bytes = Buffer.from(part, "base64url");
  return bytes.toString("base64url") === part ? bytes : null;
}

/**
 * The session's claims, or null for anything that is not a current token
 * sealed with this secret: malformed, tampered, another secret or cookie name,
 * expired, or missing the claims ClientDesk writes. A valid token is not yet
 * a session: its sid must still have a live row (lib/auth/sessions.ts).
 */
export function readSessionToken(token: string | undefined, secret: string, salt: string, now = Date.now()): SessionToken | null {
  const claims = readSessionClaims(token, secret, salt, now);
  if (!claims) return null;
  if (typeof claims.uid !== "number" || typeof claims.sv !== "number" || typeof claims.role !== "string" || typeof claims.sid !== "string" || !claims.sid) return null;
  return { uid: claims.uid, role: claims.role, sv: claims.sv, sid: claims.sid, exp: claims.exp as number, iat: typeof claims.iat === "number" ? claims.iat : null };
}

/** Every claim of a current token sealed with this secret (for renewing it), or null. */
export function readSessionClaims(token: string | undefined, secret: string, salt: string, now = Date.now()): Record<string, unknown> | null {
  if (!token) return null;
  const parts = token.split(".");
  if (parts.length !== 5) return null;
  const [protectedHeader, encryptedKey, iv, ciphertext, tag] = parts as [string, string, string, string, string];
  try {
    const [headerBytes, ivBytes, ciphertextBytes, tagBytes] = [protectedHeader, iv, ciphertext, tag].map(base64url);
    if (!headerBytes || !ivBytes || !ciphertextBytes || !tagBytes) return null;
    const header = JSON.parse(headerBytes.toString("utf8")) as Record<string, unknown>;
    if (header.alg !== "dir" || header.enc !== "A256CBC-HS512" || encryptedKey !== "" || "zip" in header || "crit" in header) return null;
    const plaintext = decryptCbcHs512(derivedKey(secret, salt), Buffer.from(protectedHeader, "ascii"), ivBytes, ciphertextBytes, tagBytes);
    if (!plaintext) return null;
    const claims = JSON.parse(plaintext.toString("utf8")) as Record<string, unknown> | null;
    if (!claims || typeof claims !== "object" || Array.isArray(claims)) return null;
    const seconds = Math.floor(now / 1000);
    if (typeof claims.exp !== "number" || claims.exp <= seconds - CLOCK_TOLERANCE_S) return null;
    if (typeof claims.nbf === "number" && claims.nbf > seconds + CLOCK_TOLERANCE_S) return null;
    return claims;
  } catch {
    // Bad base64, JSON, padding or tag: not a session.
    return null;
  }
}

type CookieJar = { get(name: string): { value: string } | undefined };

/**
 * The session token from a request's cookies: the secure name when present,
 * and Auth.js's chunked form (`name.0`, `name.1`, …) when the token was split.
 */
export function sessionCookieValue(cookies: CookieJar): { name: string; value: string } | null {
  for (const name of [SECURE_SESSION_COOKIE, SESSION_COOKIE]) {
    const whole = cookies.get(name)?.value;
    if (whole) return { name, value: whole };
    let joined = "";
    for (let i = 0; ; i++) {
      const chunk = cookies.get(`${name}.${i}`)?.value;
      if (!chunk) break;
      joined += chunk;
    }
    if (joined) return { name, value: joined };
  }
  return null;
}

/** Reads the session from a cookie jar (next/headers `cookies()` or a NextRequest's). */
export function readSessionCookie(cookies: CookieJar, secret: string): SessionToken | null {
  const cookie = sessionCookieValue(cookies);
  return cookie ? readSessionToken(cookie.value, secret, cookie.name) : null;
}
