/**
 * @jest-environment node
 */
import { decode, encode } from "next-auth/jwt";
import { readSessionCookie, readSessionToken, SECURE_SESSION_COOKIE, SESSION_COOKIE, sessionCookieValue } from "@/lib/auth/session-token";

// The session cookie is written by Auth.js and read by lib/auth/session-token:
// every token here comes from next-auth's own `encode`.
const SECRET = "unit-test-secret-unit-test-secret-0123456789";
const claims = { uid: 42, role: "staff", sv: 3, sid: "a-session-id", email: "staff@example.com", name: "Sam Staff", sub: "42" };
const seal = (token: Record<string, unknown> = claims, options: { secret?: string; salt?: string; maxAge?: number } = {}) =>
  encode({ token, secret: options.secret ?? SECRET, salt: options.salt ?? SESSION_COOKIE, maxAge: options.maxAge });

/** Changes one character of part i (0 header … 4 tag) to another valid base64url character. */
function tamper(token: string, part: number): string {
  const parts = token.split(".");
  const text = parts[part]!;
  const at = Math.floor(text.length / 2);
  parts[part] = text.slice(0, at) + (text[at] === "A" ? "B" : "A") + text.slice(at + 1);
  return parts.join(".");
}

const jar = (cookies: Record<string, string>) => ({ get: (name: string) => (name in cookies ? { value: cookies[name]! } : undefined) });

describe("readSessionToken", () => {
  it("reads what Auth.js wrote, the same claims its own decode returns", async () => {
    const token = await seal();
    const ours = readSessionToken(token, SECRET, SESSION_COOKIE);
    const theirs = await decode({ token, secret: SECRET, salt: SESSION_COOKIE });
    expect(ours).toEqual({ uid: 42, role: "staff", sv: 3, sid: "a-session-id", exp: theirs!.exp, iat: theirs!.iat });
    expect(ours!.exp).toBeGreaterThan(Date.now() / 1000);
  });

  it("refuses a token changed in any of its five parts", async () => {
    const token = await seal();
    for (const part of [0, 2, 3, 4]) expect(readSessionToken(tamper(token, part), SECRET, SESSION_COOKIE)).toBeNull();
    // Characters base64url doesn't have are refused, not skipped.
    const withJunk = token.split(".");
    withJunk[4] = `${withJunk[4]}!`;
    expect(readSessionToken(withJunk.join("."), SECRET, SESSION_COOKIE)).toBeNull();
    // "dir" tokens have an empty encrypted-key part; anything there is refused.
    const parts = token.split(".");
    parts[1] = "AAAA";
    expect(readSessionToken(parts.join("."), SECRET, SESSION_COOKIE)).toBeNull();
  });

  it("refuses another secret, and a token sealed for another cookie name", async () => {
    expect(readSessionToken(await seal(claims, { secret: "another-secret-another-secret-0123456789ab" }), SECRET, SESSION_COOKIE)).toBeNull();
    expect(readSessionToken(await seal(claims, { salt: "authjs.other-token" }), SECRET, SESSION_COOKIE)).toBeNull();
  });

  it("refuses an expired token, allowing 15 seconds of clock skew", async () => {
    const token = await seal(claims, { maxAge: 60 });
    const { exp } = readSessionToken(token, SECRET, SESSION_COOKIE)!;
    expect(readSessionToken(token, SECRET, SESSION_COOKIE, (exp + 10) * 1000)).not.toBeNull();
    expect(readSessionToken(token, SECRET, SESSION_COOKIE, (exp + 15) * 1000)).toBeNull();
    expect(readSessionToken(token, SECRET, SESSION_COOKIE, (exp + 3600) * 1000)).toBeNull();
  });

  it("refuses a token that is not yet valid (nbf)", async () => {
    const inAnHour = Math.floor(Date.now() / 1000) + 3600;
    expect(readSessionToken(await seal({ ...claims, nbf: inAnHour }), SECRET, SESSION_COOKIE)).toBeNull();
  });

  it("refuses a sealed token without ClientDesk's claims", async () => {
    expect(readSessionToken(await seal({ sub: "42", email: "x@example.com" }), SECRET, SESSION_COOKIE)).toBeNull();
    expect(readSessionToken(await seal({ ...claims, uid: "42" }), SECRET, SESSION_COOKIE)).toBeNull();
    // A token from before server-side sessions (no sid) is not a session.
    const { sid: _sid, ...withoutSid } = claims;
    expect(readSessionToken(await seal(withoutSid), SECRET, SESSION_COOKIE)).toBeNull();
  });

  it("refuses what is not a sealed token at all", () => {
    for (const junk of [undefined, "", "abc", "a.b.c", "a.b.c.d.e", "....", "eyJhbGciOiJub25lIn0..x.y.z"]) {
      expect(readSessionToken(junk, SECRET, SESSION_COOKIE)).toBeNull();
    }
  });
});

describe("reading the cookie jar", () => {
  it("prefers the __Secure- cookie and unseals it with its own name", async () => {
    const secure = await seal({ ...claims, uid: 7 }, { salt: SECURE_SESSION_COOKIE });
    const plain = await seal();
    expect(readSessionCookie(jar({ [SECURE_SESSION_COOKIE]: secure, [SESSION_COOKIE]: plain }), SECRET)?.uid).toBe(7);
    expect(readSessionCookie(jar({ [SESSION_COOKIE]: plain }), SECRET)?.uid).toBe(42);
    // A secure-named cookie holding a token sealed for the plain name does not unseal.
    expect(readSessionCookie(jar({ [SECURE_SESSION_COOKIE]: plain }), SECRET)).toBeNull();
  });

  it("joins a token Auth.js split into chunks", async () => {
    const token = await seal();
    const third = Math.ceil(token.length / 3);
    const chunks = { [`${SESSION_COOKIE}.0`]: token.slice(0, third), [`${SESSION_COOKIE}.1`]: token.slice(third, 2 * third), [`${SESSION_COOKIE}.2`]: token.slice(2 * third) };
    expect(sessionCookieValue(jar(chunks))).toEqual({ name: SESSION_COOKIE, value: token });
    expect(readSessionCookie(jar(chunks), SECRET)?.uid).toBe(42);
  });

  it("is signed out with no cookie", () => {
    expect(readSessionCookie(jar({}), SECRET)).toBeNull();
  });
});
