import { eq } from "drizzle-orm";
import { getDb } from "@/db";
import { recoveryCodes, users } from "@/db/schema";
import { login } from "@/lib/actions/auth/login";
import { verifyTwoFactor } from "@/lib/actions/auth/verify-two-factor";
import { confirmTotpSetup } from "@/lib/actions/security/confirm-totp-setup";
import { regenerateRecoveryCodes } from "@/lib/actions/security/regenerate-recovery-codes";
import { removeTotp } from "@/lib/actions/security/remove-totp";
import { startTotpSetup } from "@/lib/actions/security/start-totp-setup";
import { getCurrentUser } from "@/lib/auth/session";
import { SESSION_COOKIE } from "@/lib/auth/session-token";
import { TWO_FACTOR_COOKIE } from "@/lib/auth/two-factor-cookie";
import { limits } from "@/lib/limits/rules";
import { TOTP_PERIOD_SECONDS, totpCodeAt } from "@/lib/second-factor/totp";
import { form, redirectOf } from "../support/actions";
import { databaseChecksum } from "../support/backoffice";
import { resetDatabase } from "../support/db";
import { createUser, TEST_PASSWORD } from "../support/factories";
import { actAs, nextHeadersMock } from "../support/request-context";
import { emailsTo, giveRecoveryCodes, giveTotp } from "../support/second-factors";

// The app's clock, moved by the tests: every TOTP check reads "now" from lib/clock.
let offsetMs = 0;
jest.mock("@/lib/clock", () => ({ now: () => new Date(Date.now() + offsetMs) }));
const appNow = () => new Date(Date.now() + offsetMs);
const STEP = TOTP_PERIOD_SECONDS * 1000;

type User = Awaited<ReturnType<typeof createUser>>;
const cookie = async (name: string) => (await nextHeadersMock.cookies()).get(name)?.value;
let ipSeq = 0;
const freshIp = () => `198.51.100.${(++ipSeq % 250) + 1}`;

/** Password step: leaves the challenge cookie set and no session. */
async function passwordStep(user: User, ip = freshIp()): Promise<void> {
  await actAs(null, ip);
  expect(await redirectOf(login(undefined, form({ email: user.email, password: TEST_PASSWORD, callbackUrl: "/staff/clients" })))).toBe("/two-factor");
  expect(await cookie(TWO_FACTOR_COOKIE)).toBeTruthy();
}

const answer = (factor: string, code: string) => verifyTwoFactor(undefined, form({ factor, code }));

beforeAll(async () => {
  await resetDatabase();
  // Auth.js logs every refused sign-in as an error; these tests make many on purpose.
  jest.spyOn(console, "error").mockImplementation(() => {});
});

beforeEach(() => {
  // The middle of a step, so ±1 step is unambiguous.
  offsetMs = STEP / 2 - (Date.now() % STEP);
});

describe("setting up an authenticator app", () => {
  it("shows a QR code and the key, keeps the secret sealed, and turns on only with a right first code, returning ten recovery codes once", async () => {
    const user = await createUser({ role: "staff" });
    await actAs(user, freshIp());
    const started = await startTotpSetup(undefined, form({ password: TEST_PASSWORD }));
    expect(started).toMatchObject({ ok: true });
    const { secret, qrSvg, uri } = started.data!;
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(qrSvg).toContain("<svg");
    expect(uri).toMatch(/^otpauth:\/\/totp\/.+secret=/);
    const [row] = await getDb().select({ totpSecret: users.totpSecret, twoFactor: users.twoFactor }).from(users).where(eq(users.id, user.id));
    expect(row!.totpSecret).toMatch(/^v1\./);
    expect(row!.totpSecret).not.toContain(secret);
    expect(row!.twoFactor).toBe("none");

    const wrong = await confirmTotpSetup(undefined, form({ code: totpCodeAt(secret, new Date(appNow().getTime() + 5 * STEP)) }));
    expect(wrong).toMatchObject({ ok: false, fieldErrors: { code: [expect.stringContaining("isn't right")] } });
    const right = await confirmTotpSetup(undefined, form({ code: totpCodeAt(secret, appNow()) }));
    expect(right).toMatchObject({ ok: true, formError: null });
    expect(right.data!.recoveryCodes).toHaveLength(10);
    const stored = await getDb().select({ hash: recoveryCodes.codeHash }).from(recoveryCodes).where(eq(recoveryCodes.userId, user.id));
    expect(stored).toHaveLength(10);
    for (const code of right.data!.recoveryCodes!) expect(stored.map((s) => s.hash)).not.toContain(code);
    const [after] = await getDb().select({ twoFactor: users.twoFactor }).from(users).where(eq(users.id, user.id));
    expect(after!.twoFactor).toBe("totp");
    // Its owner is told, once, in case it wasn't them.
    const notices = await emailsTo(user.email, "second_factor_changed");
    expect(notices.map((m) => m.templateData)).toEqual([expect.objectContaining({ change: "totp_added", securityUrl: expect.stringMatching(/\/staff\/profile$/) })]);

    // The code that confirmed the app can't then sign in.
    await passwordStep(user);
    expect(await answer("totp", totpCodeAt(secret, appNow()))).toMatchObject({ ok: false, fieldErrors: { code: ["That code was already used. Wait for the next one in your app."] } });
  });

  it("removing the app takes the password, and with no factor left the recovery codes go too", async () => {
    const user = await createUser({ role: "client" });
    await giveTotp(user.id);
    await giveRecoveryCodes(user.id);
    await actAs(user, freshIp());
    expect(await removeTotp(undefined, form({ password: "not-my-password" }))).toMatchObject({ ok: false, fieldErrors: { password: ["That password isn't right"] } });
    expect(await removeTotp(undefined, form({ password: TEST_PASSWORD }))).toMatchObject({ ok: true, formError: null });
    const [row] = await getDb().select({ twoFactor: users.twoFactor, totpSecret: users.totpSecret }).from(users).where(eq(users.id, user.id));
    expect(row).toEqual({ twoFactor: "none", totpSecret: null });
    expect(await getDb().select().from(recoveryCodes).where(eq(recoveryCodes.userId, user.id))).toHaveLength(0);
  });
});

describe("signing in with an app code", () => {
  it("a password alone gives no session; the current code does, and goes to the page asked for", async () => {
    const user = await createUser({ role: "staff" });
    const secret = await giveTotp(user.id);
    await passwordStep(user);
    expect(await cookie(SESSION_COOKIE)).toBeUndefined();
    expect(await redirectOf(answer("totp", totpCodeAt(secret, appNow())))).toBe("/staff/clients");
    expect(await cookie(SESSION_COOKIE)).toBeTruthy();
    expect(await cookie(TWO_FACTOR_COOKIE)).toBeUndefined();
    expect(await getCurrentUser()).toMatchObject({ id: user.id });
  });

  it("accepts the codes one step either side of now (clock drift) and refuses two steps away", async () => {
    const user = await createUser({ role: "client" });
    const secret = await giveTotp(user.id);
    // Two steps off is refused, before and after.
    await passwordStep(user);
    expect(await answer("totp", totpCodeAt(secret, new Date(appNow().getTime() - 2 * STEP)))).toMatchObject({ ok: false, fieldErrors: { code: [expect.stringContaining("isn't right")] } });
    expect(await answer("totp", totpCodeAt(secret, new Date(appNow().getTime() + 2 * STEP)))).toMatchObject({ ok: false, fieldErrors: { code: [expect.stringContaining("isn't right")] } });
    // The previous step's code still works now.
    expect(await redirectOf(answer("totp", totpCodeAt(secret, new Date(appNow().getTime() - STEP))))).toBe("/staff/clients");
    // The clock moves on three steps: the next step's code (from a phone running fast) works.
    offsetMs += 3 * STEP;
    await passwordStep(user);
    expect(await redirectOf(answer("totp", totpCodeAt(secret, new Date(appNow().getTime() + STEP))))).toBe("/staff/clients");
  });

  it("refuses a code used once, and any code for the same or an earlier step, even within the window", async () => {
    const user = await createUser({ role: "staff" });
    const secret = await giveTotp(user.id);
    const code = totpCodeAt(secret, appNow());
    await passwordStep(user);
    expect(await redirectOf(answer("totp", code))).toBe("/staff/clients");
    // Replayed at once, from another browser.
    await passwordStep(user);
    expect(await answer("totp", code)).toMatchObject({ ok: false, fieldErrors: { code: ["That code was already used. Wait for the next one in your app."] } });
    // The previous step's code is inside the window but before the step used.
    expect(await answer("totp", totpCodeAt(secret, new Date(appNow().getTime() - STEP)))).toMatchObject({
      ok: false,
      fieldErrors: { code: ["That code was already used. Wait for the next one in your app."] },
    });
    expect(await getCurrentUser()).toBeNull();
    // 30 seconds on, the new code works.
    offsetMs += STEP;
    expect(await redirectOf(answer("totp", totpCodeAt(secret, appNow())))).toBe("/staff/clients");
  });

  it("two sign-ins racing with one code: exactly one gets a session", async () => {
    const user = await createUser({ role: "client" });
    const secret = await giveTotp(user.id);
    const code = totpCodeAt(secret, appNow());
    const { checkTotpCode } = await import("@/lib/second-factor/check");
    const results = await Promise.all(Array.from({ length: 6 }, () => checkTotpCode(getDb(), user.id, code, appNow())));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
  });

  it(`counts every attempt: after ${limits.secondFactorUser.points} wrong codes even the right one is refused, from any address`, async () => {
    const user = await createUser({ role: "staff" });
    const secret = await giveTotp(user.id);
    await passwordStep(user);
    const wrong = totpCodeAt(secret, new Date(appNow().getTime() + 10 * STEP));
    for (let i = 0; i < limits.secondFactorUser.points; i++) {
      expect(await answer("totp", wrong)).toMatchObject({ ok: false, fieldErrors: { code: [expect.stringContaining("isn't right")] } });
    }
    await passwordStep(user);
    expect(await answer("totp", totpCodeAt(secret, appNow()))).toMatchObject({ ok: false, formError: expect.stringMatching(/^Too many tries\. Wait \d+ minutes? and try again\.$/) });
    // The same limit holds for a recovery code: one limiter for every factor.
    const [code] = await giveRecoveryCodes(user.id);
    expect(await answer("recovery", code!)).toMatchObject({ ok: false, formError: expect.stringMatching(/^Too many tries/) });
    expect(await getCurrentUser()).toBeNull();
    const [unused] = await getDb().select({ usedAt: recoveryCodes.usedAt }).from(recoveryCodes).where(eq(recoveryCodes.userId, user.id)).limit(1);
    expect(unused!.usedAt).toBeNull();
  });

  it("an app code is refused for an account whose step has no app (texted codes)", async () => {
    const user = await createUser({ role: "client" });
    const secret = await giveTotp(user.id);
    await getDb().update(users).set({ twoFactor: "sms", phone: "+14155550123", phoneVerifiedAt: new Date() }).where(eq(users.id, user.id));
    await passwordStep(user);
    expect(await answer("totp", totpCodeAt(secret, appNow()))).toMatchObject({ ok: false, fieldErrors: { code: ["That way of signing in isn't set up on this account."] } });
    expect(await getCurrentUser()).toBeNull();
  });

  it("an unconfirmed app set-up (or left-over recovery codes) doesn't make a second step: the password signs in", async () => {
    const user = await createUser({ role: "client" });
    await giveTotp(user.id);
    await giveRecoveryCodes(user.id);
    await getDb().update(users).set({ twoFactor: "none" }).where(eq(users.id, user.id));
    await actAs(null, freshIp());
    expect(await redirectOf(login(undefined, form({ email: user.email, password: TEST_PASSWORD, callbackUrl: "/portal" })))).toMatch(/\/portal$/);
    expect(await getCurrentUser()).toMatchObject({ id: user.id });
  });
});

describe("recovery codes", () => {
  it("each works once, tells its owner by email with how many are left, and a used one is refused", async () => {
    const user = await createUser({ role: "staff" });
    await giveTotp(user.id);
    const codes = await giveRecoveryCodes(user.id);
    await passwordStep(user);
    // Typed with capitals and spaces, as people do.
    expect(await redirectOf(answer("recovery", ` ${codes[0]!.toUpperCase().replace("-", " ")} `))).toBe("/staff/clients");
    const mails = await emailsTo(user.email, "recovery_code_used");
    expect(mails).toHaveLength(1);
    expect(mails[0]!.templateData).toMatchObject({ codesLeft: 9 });
    await passwordStep(user);
    expect(await answer("recovery", codes[0]!)).toMatchObject({ ok: false, fieldErrors: { code: ["That recovery code isn't right, or it was already used."] } });
    expect(await redirectOf(answer("recovery", codes[1]!))).toBe("/staff/clients");
    expect((await emailsTo(user.email, "recovery_code_used")).map((m) => m.templateData)).toEqual([expect.objectContaining({ codesLeft: 9 }), expect.objectContaining({ codesLeft: 8 })]);
  });

  it("another user's code is refused", async () => {
    const [a, b] = [await createUser({ role: "client" }), await createUser({ role: "client" })];
    await giveTotp(a.id);
    await giveTotp(b.id);
    await giveRecoveryCodes(a.id);
    const [bCode] = await giveRecoveryCodes(b.id);
    await passwordStep(a);
    expect(await answer("recovery", bCode!)).toMatchObject({ ok: false, fieldErrors: { code: ["That recovery code isn't right, or it was already used."] } });
  });

  it("regenerating shows ten new codes once and every old code stops working", async () => {
    const user = await createUser({ role: "client" });
    await giveTotp(user.id);
    const old = await giveRecoveryCodes(user.id);
    await actAs(user, freshIp());
    const fresh = await regenerateRecoveryCodes(undefined, form({ password: TEST_PASSWORD }));
    expect(fresh).toMatchObject({ ok: true });
    const codes = fresh.data!.recoveryCodes;
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    expect(codes.some((c) => old.includes(c))).toBe(false);
    expect((await emailsTo(user.email, "second_factor_changed")).map((m) => m.templateData)).toEqual([expect.objectContaining({ change: "recovery_codes_regenerated" })]);
    await passwordStep(user);
    for (const code of old.slice(0, 3)) {
      expect(await answer("recovery", code)).toMatchObject({ ok: false, fieldErrors: { code: ["That recovery code isn't right, or it was already used."] } });
    }
    expect(await redirectOf(answer("recovery", codes[9]!))).toBe("/staff/clients");
  });

  it("can't be made without a second factor", async () => {
    const user = await createUser({ role: "client" });
    await actAs(user, freshIp());
    expect(await regenerateRecoveryCodes(undefined, form({ password: TEST_PASSWORD }))).toMatchObject({ ok: false, formError: "Set up an authenticator app or a passkey first." });
  });
});

// A stolen session cookie alone must not add a way in (an app whose codes the
// thief holds) or take new recovery codes: each start asks for the password,
// counted with every other password check, and a refusal changes nothing.
describe("the password before an app or new recovery codes", () => {
  it("setting up an app is refused without the password or with a wrong one, changing nothing; no code turns on an app that wasn't started", async () => {
    const user = await createUser({ role: "staff" });
    await actAs(user, freshIp());
    const before = await databaseChecksum();
    expect(await startTotpSetup(undefined, {})).toMatchObject({ ok: false, fieldErrors: { password: ["Enter your password"] } });
    expect(await startTotpSetup(undefined, form({ password: "" }))).toMatchObject({ ok: false, fieldErrors: { password: ["Enter your password"] } });
    expect(await startTotpSetup(undefined, form({ password: "not-my-password" }))).toMatchObject({
      ok: false,
      formError: "That password isn't right.",
      fieldErrors: { password: ["That password isn't right"] },
    });
    // The confirm step alone finds no secret to check a code against: only a start with the password writes one.
    expect(await confirmTotpSetup(undefined, form({ code: "123456" }))).toMatchObject({ ok: false, formError: "Start the set-up again: no app is waiting to be confirmed." });
    expect(await databaseChecksum()).toBe(before);
    expect(await emailsTo(user.email, "second_factor_changed")).toHaveLength(0);
  });

  it("new recovery codes are refused without the password or with a wrong one, and the old codes keep working", async () => {
    const user = await createUser({ role: "client" });
    await giveTotp(user.id);
    const old = await giveRecoveryCodes(user.id);
    await actAs(user, freshIp());
    const before = await databaseChecksum();
    expect(await regenerateRecoveryCodes(undefined, {})).toMatchObject({ ok: false, fieldErrors: { password: ["Enter your password"] } });
    expect(await regenerateRecoveryCodes(undefined, form({ password: "not-my-password" }))).toMatchObject({ ok: false, fieldErrors: { password: ["That password isn't right"] } });
    expect(await databaseChecksum()).toBe(before);
    expect(await emailsTo(user.email, "second_factor_changed")).toHaveLength(0);
    await passwordStep(user);
    expect(await redirectOf(answer("recovery", old[0]!))).toBe("/staff/clients");
  });

  it(`wrong passwords here count with the other password checks: after ${limits.loginAccountIp.points}, even the right one is refused`, async () => {
    const user = await createUser({ role: "staff" });
    await giveTotp(user.id);
    await actAs(user, freshIp());
    for (let i = 0; i < limits.loginAccountIp.points; i++) {
      const tryWith = [startTotpSetup, regenerateRecoveryCodes, removeTotp][i % 3]!;
      expect(await tryWith(undefined, form({ password: `Wrong-Password-${i}` }))).toMatchObject({ ok: false, fieldErrors: { password: ["That password isn't right"] } });
    }
    expect(await regenerateRecoveryCodes(undefined, form({ password: TEST_PASSWORD }))).toMatchObject({ ok: false, formError: expect.stringContaining("Too many wrong passwords") });
    expect(await emailsTo(user.email, "second_factor_changed")).toHaveLength(0);
  });
});
