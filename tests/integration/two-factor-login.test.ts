import { eq } from "drizzle-orm";
import { getDb } from "@/db";
import { users } from "@/db/schema";
import { login } from "@/lib/actions/auth/login";
import { resendTwoFactorCode } from "@/lib/actions/auth/resend-two-factor-code";
import { verifyTwoFactor } from "@/lib/actions/auth/verify-two-factor";
import { signIn, TwoFactorRequired } from "@/lib/auth/config";
import { getCurrentUser } from "@/lib/auth/session";
import { SESSION_COOKIE } from "@/lib/auth/session-token";
import { TWO_FACTOR_COOKIE } from "@/lib/auth/two-factor-cookie";
import { OTP_RESEND_SECONDS } from "@/lib/otp/code";
import { form, redirectOf } from "../support/actions";
import { resetDatabase } from "../support/db";
import { createUser, TEST_PASSWORD } from "../support/factories";
import { ageLastCode, createTwoFactorUser, lastTextedCode, textsTo } from "../support/otp";
import { actAs, nextHeadersMock } from "../support/request-context";

async function cookie(name: string): Promise<string | undefined> {
  return (await nextHeadersMock.cookies()).get(name)?.value;
}

const wrong = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, "0");

beforeAll(async () => {
  await resetDatabase();
  // Auth.js logs every refused sign-in (wrong code, code owed) as an error; these tests make many on purpose.
  jest.spyOn(console, "error").mockImplementation(() => {});
});

beforeEach(async () => {
  await actAs(null, `192.0.2.${Math.floor(Math.random() * 250) + 1}`);
});

describe("two-factor sign-in", () => {
  it("a correct password alone gives no session: it texts a code and sends the browser to /two-factor", async () => {
    const user = await createTwoFactorUser("client");
    const to = await redirectOf(login(undefined, form({ email: user.email, password: TEST_PASSWORD, callbackUrl: "/portal/invoices" })));
    expect(to).toBe("/two-factor");
    expect(await cookie(SESSION_COOKIE)).toBeUndefined();
    expect(await cookie(TWO_FACTOR_COOKIE)).toBeTruthy();
    expect(await getCurrentUser()).toBeNull();
    expect(await textsTo(user.phone)).toBe(1);
    const [row] = await getDb().select({ lastLoginAt: users.lastLoginAt }).from(users).where(eq(users.id, user.id));
    expect(row?.lastLoginAt).toBeNull();
  });

  it("a half-finished sign-in grants nothing: the challenge cookie is not a session, and the password endpoint refuses", async () => {
    const user = await createTwoFactorUser("client");
    await redirectOf(login(undefined, form({ email: user.email, password: TEST_PASSWORD })));
    const challenge = await cookie(TWO_FACTOR_COOKIE);
    // Presented as the session cookie, the challenge is not a valid session.
    await actAs(null);
    (await nextHeadersMock.cookies()).set(SESSION_COOKIE, challenge!);
    expect(await getCurrentUser()).toBeNull();
    // The credentials provider itself (public at /api/auth/callback/credentials) refuses a password-only sign-in.
    await actAs(null);
    await expect(signIn("credentials", { email: user.email, password: TEST_PASSWORD, redirect: false })).rejects.toBeInstanceOf(TwoFactorRequired);
    expect(await cookie(SESSION_COOKIE)).toBeUndefined();
    expect(await getCurrentUser()).toBeNull();
  });

  it("a wrong code is refused with the tries left, and still no session", async () => {
    const user = await createTwoFactorUser("staff");
    await redirectOf(login(undefined, form({ email: user.email, password: TEST_PASSWORD })));
    const code = await lastTextedCode(user.phone);
    const state = await verifyTwoFactor(undefined, form({ code: wrong(code) }));
    expect(state).toMatchObject({ ok: false, fieldErrors: { code: ["That code isn't right. 4 tries left."] } });
    expect(await cookie(SESSION_COOKIE)).toBeUndefined();
    expect(await getCurrentUser()).toBeNull();
  });

  it("the right code issues the session, clears the challenge and goes to the page asked for", async () => {
    const user = await createTwoFactorUser("client");
    await redirectOf(login(undefined, form({ email: user.email, password: TEST_PASSWORD, callbackUrl: "/portal/invoices" })));
    const code = await lastTextedCode(user.phone);
    const to = await redirectOf(verifyTwoFactor(undefined, form({ code })));
    expect(to).toBe("/portal/invoices");
    expect(await cookie(SESSION_COOKIE)).toBeTruthy();
    expect(await cookie(TWO_FACTOR_COOKIE)).toBeUndefined();
    expect(await getCurrentUser()).toMatchObject({ id: user.id, role: "client" });
    const [row] = await getDb().select({ lastLoginAt: users.lastLoginAt }).from(users).where(eq(users.id, user.id));
    expect(row?.lastLoginAt).toBeInstanceOf(Date);
  });

  it("the same code can't sign in twice", async () => {
    const user = await createTwoFactorUser("admin");
    await redirectOf(login(undefined, form({ email: user.email, password: TEST_PASSWORD })));
    const challenge = await cookie(TWO_FACTOR_COOKIE);
    const code = await lastTextedCode(user.phone);
    await redirectOf(verifyTwoFactor(undefined, form({ code })));
    // Replay the finished challenge with the same code from a fresh browser.
    await actAs(null);
    (await nextHeadersMock.cookies()).set(TWO_FACTOR_COOKIE, challenge!);
    const state = await verifyTwoFactor(undefined, form({ code }));
    expect(state).toMatchObject({ ok: false, formError: expect.stringContaining("already used") });
    expect(await cookie(SESSION_COOKIE)).toBeUndefined();
  });

  it("a challenge is void once the password changes (session_version moves on)", async () => {
    const user = await createTwoFactorUser("client");
    await redirectOf(login(undefined, form({ email: user.email, password: TEST_PASSWORD })));
    const code = await lastTextedCode(user.phone);
    await getDb().update(users).set({ sessionVersion: 2 }).where(eq(users.id, user.id));
    const state = await verifyTwoFactor(undefined, form({ code }));
    expect(state).toMatchObject({ ok: false, formError: expect.stringContaining("timed out") });
    expect(await cookie(SESSION_COOKIE)).toBeUndefined();
  });

  it("a forged challenge cookie is refused", async () => {
    const user = await createTwoFactorUser("client");
    const payload = Buffer.from(JSON.stringify({ uid: user.id, sv: 1, cb: "/", exp: Math.floor(Date.now() / 1000) + 600 })).toString("base64url");
    (await nextHeadersMock.cookies()).set(TWO_FACTOR_COOKIE, `${payload}.forged`);
    expect(await verifyTwoFactor(undefined, form({ code: "123456" }))).toMatchObject({ ok: false, formError: expect.stringContaining("timed out") });
  });

  it("resending honours the cooldown, and the new code works while the old one doesn't", async () => {
    const user = await createTwoFactorUser("client");
    await redirectOf(login(undefined, form({ email: user.email, password: TEST_PASSWORD })));
    const first = await lastTextedCode(user.phone);
    expect(await resendTwoFactorCode(undefined, form({}))).toMatchObject({ ok: false, formError: expect.stringMatching(/^Wait \d+ seconds/) });
    await ageLastCode(user.id, OTP_RESEND_SECONDS + 1);
    expect(await resendTwoFactorCode(undefined, form({}))).toMatchObject({ ok: true, data: { resendAt: expect.any(String) } });
    expect(await textsTo(user.phone)).toBe(2);
    const second = await lastTextedCode(user.phone);
    if (first !== second) expect(await verifyTwoFactor(undefined, form({ code: first }))).toMatchObject({ ok: false });
    expect(await redirectOf(verifyTwoFactor(undefined, form({ code: second })))).toBe("/");
  });

  it("without a challenge, resending does nothing", async () => {
    expect(await resendTwoFactorCode(undefined, form({}))).toMatchObject({ ok: false, formError: expect.stringContaining("timed out") });
  });

  it("users without two-factor still sign in with the password alone", async () => {
    const staff = await createUser({ role: "staff" });
    expect(await redirectOf(login(undefined, form({ email: staff.email, password: TEST_PASSWORD, callbackUrl: "/staff" })))).toMatch(/^http:\/\/localhost:3000\/staff$/);
    expect(await getCurrentUser()).toMatchObject({ id: staff.id });
  });
});
