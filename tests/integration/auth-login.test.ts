import { eq } from "drizzle-orm";
import { getDb } from "@/db";
import { users } from "@/db/schema";
import { authenticate } from "@/lib/auth/authenticate";
import { counted } from "@/lib/limits/limiter";
import { resetPassword } from "@/lib/profile/password-reset";
import { limits } from "@/lib/limits/rules";

const LOGIN_MAX_PER_ACCOUNT_IP = limits.loginAccountIp.points;
const LOGIN_MAX_PER_ACCOUNT = limits.loginAccount.points;
const LOGIN_MAX_PER_IP = limits.loginIp.points;
import { createUser, TEST_PASSWORD } from "../support/factories";
import { insertResetToken } from "../support/backoffice";
import { resetDatabase } from "../support/db";

let ipSeq = 0;
const freshIp = () => `10.0.0.${++ipSeq}`;

beforeAll(async () => {
  await resetDatabase();
});

describe("signing in with email and password", () => {
  it("accepts the right password, in any letter case of the email, and records the sign-in", async () => {
    const staff = await createUser({ role: "staff" });
    const result = await authenticate(getDb(), staff.email.toUpperCase(), TEST_PASSWORD, freshIp());
    expect(result).toEqual({ ok: true, user: expect.objectContaining({ id: staff.id, role: "staff", sessionVersion: 1 }), secondStep: false });
    const [row] = await getDb().select({ at: users.lastLoginAt }).from(users).where(eq(users.id, staff.id));
    expect(row?.at).toBeInstanceOf(Date);
  });

  it("refuses a wrong password with the same answer as an unknown email", async () => {
    const staff = await createUser({ role: "staff" });
    const wrong = await authenticate(getDb(), staff.email, "Not-The-Password-1", freshIp());
    const unknown = await authenticate(getDb(), "nobody@test.example", TEST_PASSWORD, freshIp());
    expect(wrong).toEqual({ ok: false, reason: "invalid" });
    expect(unknown).toEqual(wrong);
  });

  it("refuses a disabled user even with the right password, without saying it is disabled", async () => {
    const disabled = await createUser({ role: "staff", status: "disabled" });
    expect(await authenticate(getDb(), disabled.email, TEST_PASSWORD, freshIp())).toEqual({ ok: false, reason: "invalid" });
  });

  it("refuses a user whose invite is still pending approval", async () => {
    const pending = await createUser({ role: "staff", status: "pending_approval" });
    expect(await authenticate(getDb(), pending.email, TEST_PASSWORD, freshIp())).toEqual({ ok: false, reason: "invalid" });
  });
});

describe("login rate limits, stored in the database", () => {
  it(`locks an account from one address after ${LOGIN_MAX_PER_ACCOUNT_IP} failures, even for the right password; its owner elsewhere still signs in`, async () => {
    const admin = await createUser({ role: "admin" });
    const attacker = freshIp();
    for (let i = 0; i < LOGIN_MAX_PER_ACCOUNT_IP; i++) {
      expect(await authenticate(getDb(), admin.email, "Wrong-Password-1", attacker)).toEqual({ ok: false, reason: "invalid" });
    }
    const locked = await authenticate(getDb(), admin.email, TEST_PASSWORD, attacker);
    expect(locked).toEqual({ ok: false, reason: "rate_limited", retryAfterSeconds: expect.any(Number) });
    if (!locked.ok && locked.reason === "rate_limited") expect(locked.retryAfterSeconds).toBeGreaterThan(0);
    // Counted before the check: the five failures and the refused sixth try.
    expect(await counted({ rule: limits.loginAccountIp, key: `${admin.email} ${attacker}` })).toBe(LOGIN_MAX_PER_ACCOUNT_IP + 1);

    // Typing someone's email with wrong passwords doesn't lock its owner out.
    expect(await authenticate(getDb(), admin.email, TEST_PASSWORD, freshIp())).toMatchObject({ ok: true });
  });

  it(`locks an account everywhere after ${LOGIN_MAX_PER_ACCOUNT} failures spread over addresses, until its owner resets the password`, async () => {
    const staff = await createUser({ role: "staff" });
    for (let i = 0; i < LOGIN_MAX_PER_ACCOUNT; i++) {
      expect(await authenticate(getDb(), staff.email, `Wrong-Password-${i}`, freshIp())).toEqual({ ok: false, reason: "invalid" });
    }
    expect(await authenticate(getDb(), staff.email, TEST_PASSWORD, freshIp())).toMatchObject({ ok: false, reason: "rate_limited" });
    const token = await insertResetToken(staff.id);
    const NEW = "Quiet-Lantern-Orchard-58";
    await resetPassword(getDb(), token, NEW, freshIp());
    expect(await authenticate(getDb(), staff.email, NEW, freshIp())).toMatchObject({ ok: true });
  });

  it("locks an unknown email the same way, so the limit doesn't reveal which accounts exist", async () => {
    const ip = freshIp();
    for (let i = 0; i < LOGIN_MAX_PER_ACCOUNT_IP; i++) await authenticate(getDb(), "ghost@test.example", "x", ip);
    expect(await authenticate(getDb(), "ghost@test.example", "x", ip)).toMatchObject({ ok: false, reason: "rate_limited" });
  });

  it(`locks an IP address after ${LOGIN_MAX_PER_IP} failures across different accounts`, async () => {
    const ip = "192.0.2.77";
    for (let i = 0; i < LOGIN_MAX_PER_IP; i++) await authenticate(getDb(), `spray${i}@test.example`, "Wrong-1", ip);
    const victim = await createUser({ role: "staff" });
    expect(await authenticate(getDb(), victim.email, TEST_PASSWORD, ip)).toMatchObject({ ok: false, reason: "rate_limited" });
    // The same account from another address still works: only that IP is limited.
    expect(await authenticate(getDb(), victim.email, TEST_PASSWORD, freshIp())).toMatchObject({ ok: true });
  });

  it("clears the account's counters after a successful sign-in", async () => {
    const staff = await createUser({ role: "staff" });
    const ip = freshIp();
    for (let i = 0; i < LOGIN_MAX_PER_ACCOUNT_IP - 1; i++) await authenticate(getDb(), staff.email, "Wrong-1", ip);
    await authenticate(getDb(), staff.email, "Wrong-1", freshIp());
    expect(await counted({ rule: limits.loginAccount, key: staff.email })).toBe(LOGIN_MAX_PER_ACCOUNT_IP);
    expect(await authenticate(getDb(), staff.email, TEST_PASSWORD, ip)).toMatchObject({ ok: true });
    expect(await counted({ rule: limits.loginAccountIp, key: `${staff.email} ${ip}` })).toBe(0);
    expect(await counted({ rule: limits.loginAccount, key: staff.email })).toBe(0);
    // A fresh budget: one more failure doesn't lock it.
    await authenticate(getDb(), staff.email, "Wrong-1", ip);
    expect(await authenticate(getDb(), staff.email, TEST_PASSWORD, ip)).toMatchObject({ ok: true });
  });
});

describe("limits hold against parallel attempts (counted first, then decided)", () => {
  it(`checks at most ${LOGIN_MAX_PER_ACCOUNT_IP} passwords when 15 guesses for one account arrive at once from one address`, async () => {
    const staff = await createUser({ role: "staff" });
    const ip = freshIp();
    const results = await Promise.all(Array.from({ length: 15 }, () => authenticate(getDb(), staff.email, "Wrong-Password-1", ip)));
    expect(results.filter((r) => !r.ok && r.reason === "invalid")).toHaveLength(LOGIN_MAX_PER_ACCOUNT_IP);
    expect(results.filter((r) => !r.ok && r.reason === "rate_limited")).toHaveLength(15 - LOGIN_MAX_PER_ACCOUNT_IP);
  });

  it(`checks at most ${LOGIN_MAX_PER_ACCOUNT} passwords when ${LOGIN_MAX_PER_ACCOUNT + 10} guesses for one account arrive at once from as many addresses`, async () => {
    const staff = await createUser({ role: "staff" });
    const results = await Promise.all(Array.from({ length: LOGIN_MAX_PER_ACCOUNT + 10 }, () => authenticate(getDb(), staff.email, "Wrong-Password-1", freshIp())));
    expect(results.filter((r) => !r.ok && r.reason === "invalid")).toHaveLength(LOGIN_MAX_PER_ACCOUNT);
    expect(results.filter((r) => !r.ok && r.reason === "rate_limited")).toHaveLength(10);
  });

  it(`lets at most ${LOGIN_MAX_PER_IP} attempts from one address through when they arrive at once`, async () => {
    const ip = "198.51.100.9";
    const results = await Promise.all(Array.from({ length: LOGIN_MAX_PER_IP + 15 }, (_, i) => authenticate(getDb(), `burst${i}@test.example`, "Wrong-1", ip)));
    expect(results.filter((r) => !r.ok && r.reason === "invalid")).toHaveLength(LOGIN_MAX_PER_IP);
  });
});
