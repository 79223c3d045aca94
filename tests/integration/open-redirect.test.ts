import { login } from "@/lib/actions/auth/login";
import { verifyTwoFactor } from "@/lib/actions/auth/verify-two-factor";
import { CHALLENGE_TTL_SECONDS } from "@/lib/auth/two-factor";
import { TWO_FACTOR_COOKIE } from "@/lib/auth/two-factor-cookie";
import { signToken } from "@/lib/auth/signed-token";
import { getCurrentUser } from "@/lib/auth/session";
import { form, redirectOf } from "../support/actions";
import { resetDatabase } from "../support/db";
import { createUser, TEST_PASSWORD } from "../support/factories";
import { createTwoFactorUser, lastTextedCode } from "../support/otp";
import { actAs, nextHeadersMock } from "../support/request-context";

// After sign-in, by password alone or with a texted code, the browser is sent
// only to a path on our own origin, however the callback was written.

const ORIGIN = "http://localhost:3000";

const EVIL = [
  ["a tab", "/\t/evil.example/"],
  ["a line feed", "/\n/evil.example/"],
  ["a carriage return", "/\r/evil.example/"],
  ["a protocol-relative URL", "//evil.example/"],
  ["a slash and a backslash", "/\\evil.example/"],
  ["backslashes", "\\/\\/evil.example/"],
  ["a dot segment leaving two slashes", "/..//evil.example/"],
  ["another origin", "https://evil.example/"],
  ["javascript:", "javascript:alert(1)"],
] as const;

let ipSeq = 0;

beforeAll(async () => {
  await resetDatabase();
  // Auth.js logs refused sign-ins as errors; none are expected, but keep the output readable.
  jest.spyOn(console, "error").mockImplementation(() => {});
});

beforeEach(async () => {
  await actAs(null, `198.51.100.${++ipSeq}`);
});

/**
 * Where a browser ends up: Next.js turns a same-origin absolute URL into its
 * path, and the browser resolves that path against our origin. So the path
 * itself must not start with "//" nor hold what the browser strips.
 */
function landing(to: string): URL {
  expect(to).not.toMatch(/[\u0000-\u001f\u007f\\]/);
  const url = new URL(to, ORIGIN);
  expect(url.origin).toBe(ORIGIN);
  const path = `${url.pathname}${url.search}${url.hash}`;
  expect(path.startsWith("//")).toBe(false);
  expect(new URL(path, ORIGIN).origin).toBe(ORIGIN);
  return url;
}

describe("the login action", () => {
  it.each(EVIL)("with %s in the callback, lands on / (the role's home) on our origin", async (_what, callbackUrl) => {
    const staff = await createUser({ role: "staff" });
    const to = await redirectOf(login(undefined, form({ email: staff.email, password: TEST_PASSWORD, callbackUrl })));
    expect(landing(to).pathname).toBe("/");
    expect(landing(to).search).toBe("");
    expect(await getCurrentUser()).toMatchObject({ id: staff.id });
  });

  it("follows a same-origin path, and a percent-encoded one stays a path on our origin", async () => {
    const staff = await createUser({ role: "staff" });
    const to = await redirectOf(login(undefined, form({ email: staff.email, password: TEST_PASSWORD, callbackUrl: "/staff/invoices?status=sent" })));
    expect(to).toBe(`${ORIGIN}/staff/invoices?status=sent`);
    await actAs(null, "198.51.100.250");
    const encoded = await redirectOf(login(undefined, form({ email: staff.email, password: TEST_PASSWORD, callbackUrl: "/%2F%2Fevil.example" })));
    expect(landing(encoded).pathname).toBe("/%2F%2Fevil.example");
  });
});

describe("the two-step sign-in", () => {
  it.each(EVIL)("with %s in the callback, the code lands on / on our origin", async (_what, callbackUrl) => {
    const user = await createTwoFactorUser("client");
    expect(await redirectOf(login(undefined, form({ email: user.email, password: TEST_PASSWORD, callbackUrl })))).toBe("/two-factor");
    const to = await redirectOf(verifyTwoFactor(undefined, form({ code: await lastTextedCode(user.phone) })));
    expect(to).toBe("/");
    expect(await getCurrentUser()).toMatchObject({ id: user.id });
  });

  it("keeps a same-origin callback through the code step", async () => {
    const user = await createTwoFactorUser("client");
    await redirectOf(login(undefined, form({ email: user.email, password: TEST_PASSWORD, callbackUrl: "/portal/invoices?status=open" })));
    expect(await redirectOf(verifyTwoFactor(undefined, form({ code: await lastTextedCode(user.phone) })))).toBe("/portal/invoices?status=open");
  });

  it.each(EVIL)("checks the callback again when the challenge is read (a challenge signed with %s)", async (_what, cb) => {
    const user = await createTwoFactorUser("staff");
    // Start a real challenge (it texts the code), then swap in one signed with
    // the same key but an unsafe callback, as one issued before this check was.
    await redirectOf(login(undefined, form({ email: user.email, password: TEST_PASSWORD })));
    const forged = signToken("2fa-login", { uid: user.id, sv: user.sessionVersion, cb }, CHALLENGE_TTL_SECONDS);
    (await nextHeadersMock.cookies()).set(TWO_FACTOR_COOKIE, forged);
    const to = await redirectOf(verifyTwoFactor(undefined, form({ code: await lastTextedCode(user.phone) })));
    expect(to).toBe("/");
    expect(await getCurrentUser()).toMatchObject({ id: user.id });
  });
});
