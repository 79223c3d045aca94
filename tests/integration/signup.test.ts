import { and, desc, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { clients, outbox, users } from "@/db/schema";
import { completeSignup } from "@/lib/actions/signup/complete-signup";
import { startSignup } from "@/lib/actions/signup/start-signup";
import { verifyTwoFactor } from "@/lib/actions/auth/verify-two-factor";
import { getCurrentUser } from "@/lib/auth/session";
import { TWO_FACTOR_COOKIE } from "@/lib/auth/two-factor-cookie";
import { openSignup, sealSignup } from "@/lib/signup/token";
import { form, redirectOf } from "../support/actions";
import { resetDatabase } from "../support/db";
import { createClientUser } from "../support/factories";
import { freshPhone, lastTextedCode, textsTo } from "../support/otp";
import { actAs, nextHeadersMock } from "../support/request-context";
import { revealSecrets } from "../support/secrets";

const PASSWORD = "Sunny-Harbour-42";
let ipSeq = 0;

async function freshBrowser() {
  await actAs(null, `198.18.0.${++ipSeq}`);
}

function signupForm(overrides: Record<string, string> = {}) {
  return form({ name: "Ada Lovelace", email: `ada.${Date.now()}.${ipSeq}@test.example`, phone: freshPhone(), password: PASSWORD, confirmPassword: PASSWORD, twoFactor: "none", ...overrides });
}

async function lastEmailTo(email: string) {
  const [row] = await getDb()
    .select()
    .from(outbox)
    .where(and(eq(outbox.channel, "email"), eq(outbox.toFirst, email)))
    .orderBy(desc(outbox.id))
    .limit(1);
  return row;
}

async function linkTokenFor(email: string): Promise<string> {
  const message = await lastEmailTo(email);
  const token = message && revealSecrets(message).text.match(/\/signup\/confirm\/([A-Za-z0-9_-]+)/)?.[1];
  if (!token) throw new Error(`No sign-up link emailed to ${email}`);
  return token;
}

async function counts() {
  const [u] = await getDb().select({ id: users.id }).from(users).orderBy(desc(users.id)).limit(1);
  const [c] = await getDb().select({ id: clients.id }).from(clients).orderBy(desc(clients.id)).limit(1);
  return { lastUser: u?.id ?? 0, lastClient: c?.id ?? 0 };
}

beforeAll(async () => {
  await resetDatabase();
  jest.spyOn(console, "error").mockImplementation(() => {});
});

beforeEach(freshBrowser);

describe("starting a sign-up", () => {
  it("answers the same for a new and an already registered email, and creates nothing either way", async () => {
    const existing = await createClientUser("Grace Existing");
    const before = await counts();
    const newEmail = `new.${Date.now()}@test.example`;
    const forNew = await startSignup(undefined, signupForm({ email: newEmail }));
    await freshBrowser();
    const forExisting = await startSignup(undefined, signupForm({ email: existing.user.email }));
    expect(forNew).toEqual({ ok: true, fieldErrors: {}, formError: null, data: { email: newEmail } });
    expect(forExisting).toEqual({ ...forNew, data: { email: existing.user.email } });
    expect(await counts()).toEqual(before);

    expect(await lastEmailTo(newEmail)).toMatchObject({ template: "signup_confirm" });
    const note = await lastEmailTo(existing.user.email);
    expect(note).toMatchObject({ template: "signup_existing" });
    expect(note?.text).not.toMatch(/signup\/confirm/);
    // The existing account is untouched: same password hash, same name.
    const [row] = await getDb().select({ name: users.name }).from(users).where(eq(users.id, existing.user.id));
    expect(row?.name).toBe("Grace Existing");
  });

  it("checks the form with the shared schema: weak password, bad phone, no name", async () => {
    const state = await startSignup(undefined, signupForm({ name: "", phone: "12", password: "short", confirmPassword: "short" }));
    expect(state.ok).toBe(false);
    expect(Object.keys(state.fieldErrors).sort()).toEqual(["name", "password", "phone"]);
    expect(state.values).not.toHaveProperty("password");
  });

  it("limits sign-up emails per address", async () => {
    const email = `limited.${Date.now()}@test.example`;
    for (let i = 0; i < 3; i++) {
      await freshBrowser();
      expect(await startSignup(undefined, signupForm({ email }))).toMatchObject({ ok: true });
    }
    await freshBrowser();
    expect(await startSignup(undefined, signupForm({ email }))).toMatchObject({ ok: false, formError: expect.stringContaining("Too many") });
  });

  it("sends no more than the limit when ten sign-ups for one address arrive at once", async () => {
    const email = `burst.${Date.now()}@test.example`;
    await freshBrowser();
    const results = await Promise.all(Array.from({ length: 10 }, () => startSignup(undefined, signupForm({ email }))));
    expect(results.filter((r) => r.ok)).toHaveLength(3);
    const sent = await getDb().select({ id: outbox.id }).from(outbox).where(eq(outbox.toFirst, email));
    expect(sent).toHaveLength(3);
  });
});

describe("finishing a sign-up from the emailed link", () => {
  it("one-factor: the right password creates the client user and its client record, and signs in", async () => {
    const email = `one.${Date.now()}@test.example`;
    const phone = freshPhone();
    await startSignup(undefined, signupForm({ email, phone, smsOptIn: "on" }));
    const token = await linkTokenFor(email);

    expect(await completeSignup(undefined, form({ token, password: "Not-The-Password-9" }))).toMatchObject({ ok: false, fieldErrors: { password: expect.any(Array) } });
    expect(await getDb().select().from(users).where(eq(users.email, email))).toHaveLength(0);

    expect(await redirectOf(completeSignup(undefined, form({ token, password: PASSWORD })))).toMatch(/\/portal$/);
    const [user] = await getDb().select().from(users).where(eq(users.email, email));
    expect(user).toMatchObject({ role: "client", status: "active", twoFactor: "none", phone, name: "Ada Lovelace" });
    const [client] = await getDb().select().from(clients).where(eq(clients.userId, user!.id));
    expect(client).toMatchObject({ email, phone, smsOptIn: true, name: "Ada Lovelace" });
    expect(await getCurrentUser()).toMatchObject({ id: user!.id, role: "client" });

    // The link works once.
    await freshBrowser();
    expect(await completeSignup(undefined, form({ token, password: PASSWORD }))).toMatchObject({ ok: false, formError: expect.stringContaining("already set up") });
    expect(await getDb().select().from(users).where(eq(users.email, email))).toHaveLength(1);
  });

  it("SMS two-factor: the account is created but the session waits for the code, which verifies the phone", async () => {
    const email = `two.${Date.now()}@test.example`;
    const phone = freshPhone();
    await startSignup(undefined, signupForm({ email, phone, twoFactor: "sms" }));
    const token = await linkTokenFor(email);
    expect(await redirectOf(completeSignup(undefined, form({ token, password: PASSWORD })))).toBe("/two-factor");
    expect(await getCurrentUser()).toBeNull();
    expect((await nextHeadersMock.cookies()).get(TWO_FACTOR_COOKIE)).toBeTruthy();
    expect(await textsTo(phone)).toBe(1);
    const [pending] = await getDb().select({ twoFactor: users.twoFactor, phoneVerifiedAt: users.phoneVerifiedAt }).from(users).where(eq(users.email, email));
    expect(pending).toEqual({ twoFactor: "sms", phoneVerifiedAt: null });

    expect(await redirectOf(verifyTwoFactor(undefined, form({ code: await lastTextedCode(phone) })))).toBe("/portal");
    const [verified] = await getDb().select({ id: users.id, phoneVerifiedAt: users.phoneVerifiedAt }).from(users).where(eq(users.email, email));
    expect(verified?.phoneVerifiedAt).toBeInstanceOf(Date);
    expect(await getCurrentUser()).toMatchObject({ id: verified!.id });
  });

  it("refuses a tampered or expired link", async () => {
    const { token } = sealSignup({ name: "X", email: "x@test.example", phone: "+14155550000", passwordHash: "h", twoFactor: "none", smsOptIn: false });
    const tampered = `${token.slice(0, 20)}${token[20] === "A" ? "B" : "A"}${token.slice(21)}`;
    expect(openSignup(tampered)).toBeNull();
    expect(openSignup(token, Date.now() + 25 * 3_600_000)).toBeNull();
    expect(openSignup(token)).toMatchObject({ email: "x@test.example" });
    expect(await completeSignup(undefined, form({ token: tampered, password: PASSWORD }))).toMatchObject({ ok: false, formError: expect.stringContaining("isn't valid") });
  });
});
