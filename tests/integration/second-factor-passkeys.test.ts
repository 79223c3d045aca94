import { eq } from "drizzle-orm";
import { getDb } from "@/db";
import { auditLog, passkeys, recoveryCodes, users, webauthnChallenges } from "@/db/schema";
import { login } from "@/lib/actions/auth/login";
import { passkeySignIn } from "@/lib/actions/auth/passkey-sign-in";
import { startPasskeySecondStep } from "@/lib/actions/auth/start-passkey-second-step";
import { startPasskeySignIn } from "@/lib/actions/auth/start-passkey-sign-in";
import { verifyTwoFactor } from "@/lib/actions/auth/verify-two-factor";
import { addPasskey } from "@/lib/actions/security/add-passkey";
import { removePasskey } from "@/lib/actions/security/remove-passkey";
import { renamePasskey } from "@/lib/actions/security/rename-passkey";
import { startPasskeyRegistration } from "@/lib/actions/security/start-passkey-registration";
import { signIn } from "@/lib/auth/config";
import { getCurrentUser } from "@/lib/auth/session";
import { SESSION_COOKIE } from "@/lib/auth/session-token";
import { env } from "@/lib/env";
import { form, redirectOf } from "../support/actions";
import { databaseChecksum } from "../support/backoffice";
import { resetDatabase } from "../support/db";
import { createUser, TEST_PASSWORD } from "../support/factories";
import { actAs, nextHeadersMock } from "../support/request-context";
import { emailsTo } from "../support/second-factors";
import { SoftAuthenticator } from "../support/soft-authenticator";

type User = Awaited<ReturnType<typeof createUser>>;
const cookie = async (name: string) => (await nextHeadersMock.cookies()).get(name)?.value;
let ipSeq = 0;
const freshIp = () => `203.0.113.${(++ipSeq % 250) + 1}`;
const origin = () => new URL(env().APP_URL).origin;

/** Registers a passkey for the user through the actions, as the profile page does. */
async function register(user: User, device: SoftAuthenticator, name: string) {
  await actAs(user, freshIp());
  const options = await startPasskeyRegistration(undefined, { password: TEST_PASSWORD });
  expect(options).toMatchObject({ ok: true });
  expect(options.data!.rp.id).toBe(new URL(env().APP_URL).hostname);
  expect(options.data!.authenticatorSelection).toMatchObject({ residentKey: "required", userVerification: "required" });
  return addPasskey(undefined, { name, response: device.register(options.data!) });
}

async function signInAlone(device: SoftAuthenticator, opts: { origin?: string; userVerified?: boolean } = {}) {
  await actAs(null, freshIp());
  const options = await startPasskeySignIn(undefined, {});
  expect(options).toMatchObject({ ok: true });
  // Discoverable: no account named, no credentials listed.
  expect(options.data!.allowCredentials ?? []).toEqual([]);
  return passkeySignIn(undefined, { response: device.assert(options.data!, undefined, opts), callbackUrl: "/portal/invoices" });
}

beforeAll(async () => {
  await resetDatabase();
  jest.spyOn(console, "error").mockImplementation(() => {});
});

describe("passkeys", () => {
  it("registers several named passkeys (the first also makes recovery codes), renames and removes them, each audited", async () => {
    const user = await createUser({ role: "client" });
    const laptop = new SoftAuthenticator(origin());
    const phone = new SoftAuthenticator(origin());
    const first = await register(user, laptop, "Work laptop");
    expect(first).toMatchObject({ ok: true, formError: null });
    expect(first.data!.recoveryCodes).toHaveLength(10);
    const second = await register(user, phone, "Phone");
    expect(second).toMatchObject({ ok: true, data: { recoveryCodes: null } });
    const rows = await getDb().select({ id: passkeys.id, name: passkeys.name }).from(passkeys).where(eq(passkeys.userId, user.id));
    expect(rows.map((r) => r.name)).toEqual(["Work laptop", "Phone"]);

    expect(await renamePasskey(undefined, { id: String(rows[1]!.id), name: "Old phone" })).toMatchObject({ ok: true });
    expect(await removePasskey(undefined, { id: String(rows[0]!.id) })).toMatchObject({ ok: true });
    expect((await getDb().select({ name: passkeys.name }).from(passkeys).where(eq(passkeys.userId, user.id))).map((r) => r.name)).toEqual(["Old phone"]);
    // Removing the last one leaves no factor, so the recovery codes go too.
    expect(await removePasskey(undefined, { id: String(rows[1]!.id) })).toMatchObject({ ok: true });
    expect(await getDb().select().from(recoveryCodes).where(eq(recoveryCodes.userId, user.id))).toHaveLength(0);
    const audit = await getDb().select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.entityId, user.id));
    expect(audit.map((a) => a.action)).toEqual(["user.passkey_add", "user.passkey_add", "user.passkey_remove", "user.passkey_remove"]);
    // Each passkey added told its owner, once; removing one (which takes the session only) doesn't.
    const notices = await emailsTo(user.email, "second_factor_changed");
    expect(notices.map((m) => m.templateData)).toEqual([
      expect.objectContaining({ change: "passkey_added", securityUrl: expect.stringMatching(/\/portal\/profile$/) }),
      expect.objectContaining({ change: "passkey_added" }),
    ]);
  });

  it("someone else's passkey can't be renamed or removed", async () => {
    const [owner, other] = [await createUser({ role: "staff" }), await createUser({ role: "staff" })];
    await register(owner, new SoftAuthenticator(origin()), "Owner key");
    const [row] = await getDb().select({ id: passkeys.id }).from(passkeys).where(eq(passkeys.userId, owner.id));
    await actAs(other, freshIp());
    expect(await removePasskey(undefined, { id: String(row!.id) })).toMatchObject({ ok: false, formError: "That passkey was not found." });
    expect(await renamePasskey(undefined, { id: String(row!.id), name: "Mine now" })).toMatchObject({ ok: false, formError: "That passkey was not found." });
    expect(await getDb().select().from(passkeys).where(eq(passkeys.userId, owner.id))).toHaveLength(1);
  });

  it("a registration answer is refused for another origin or a reused challenge", async () => {
    const user = await createUser({ role: "client" });
    await actAs(user, freshIp());
    const options = (await startPasskeyRegistration(undefined, { password: TEST_PASSWORD })).data!;
    const evil = new SoftAuthenticator("https://evil.example");
    expect(await addPasskey(undefined, { name: "Evil", response: evil.register(options) })).toMatchObject({ ok: false, formError: "The passkey couldn't be saved. Try again." });
    // The challenge was spent by that attempt.
    expect(await addPasskey(undefined, { name: "Late", response: new SoftAuthenticator(origin()).register(options) })).toMatchObject({
      ok: false,
      formError: "That passkey request expired. Try again.",
    });
    expect(await getDb().select().from(passkeys).where(eq(passkeys.userId, user.id))).toHaveLength(0);
  });

  it("making one takes the password: without it, or with a wrong one, no challenge is made and nothing changes", async () => {
    const user = await createUser({ role: "staff" });
    await actAs(user, freshIp());
    const before = await databaseChecksum();
    expect(await startPasskeyRegistration(undefined, {})).toMatchObject({ ok: false, fieldErrors: { password: ["Enter your password"] } });
    expect(await startPasskeyRegistration(undefined, form({ password: "not-my-password" }))).toMatchObject({
      ok: false,
      formError: "That password isn't right.",
      fieldErrors: { password: ["That password isn't right"] },
    });
    expect(await databaseChecksum()).toBe(before);
    expect(await getDb().select().from(webauthnChallenges).where(eq(webauthnChallenges.userId, user.id))).toHaveLength(0);
    expect(await emailsTo(user.email, "second_factor_changed")).toHaveLength(0);
  });

  it("a passkey made for a challenge the server didn't give (no start with the password) isn't saved", async () => {
    const user = await createUser({ role: "client" });
    await actAs(user, freshIp());
    const device = new SoftAuthenticator(origin());
    const made = {
      challenge: Buffer.from("a challenge nobody was given").toString("base64url"),
      rp: { id: new URL(env().APP_URL).hostname },
      user: { id: Buffer.from(`clientdesk-user-${user.id}`).toString("base64url") },
    };
    const before = await databaseChecksum();
    expect(await addPasskey(undefined, { name: "Thief's key", response: device.register(made) })).toMatchObject({ ok: false, formError: "That passkey request expired. Try again." });
    expect(await databaseChecksum()).toBe(before);
    // Nor with a challenge made for someone else, after their password.
    const stranger = await createUser({ role: "client" });
    await actAs(stranger, freshIp());
    const theirs = (await startPasskeyRegistration(undefined, { password: TEST_PASSWORD })).data!;
    await actAs(user, freshIp());
    const afterTheirs = await databaseChecksum();
    expect(await addPasskey(undefined, { name: "Thief's key", response: device.register(theirs) })).toMatchObject({ ok: false, formError: "That passkey request expired. Try again." });
    expect(await databaseChecksum()).toBe(afterTheirs);
    expect(await getDb().select().from(passkeys).where(eq(passkeys.userId, user.id))).toHaveLength(0);
    expect(await emailsTo(user.email, "second_factor_changed")).toHaveLength(0);
  });

  it("signs in with a passkey alone: no password, no second step, a real session, the counter moves on", async () => {
    const user = await createUser({ role: "client" });
    const device = new SoftAuthenticator(origin());
    await register(user, device, "Laptop");
    expect(await redirectOf(signInAlone(device))).toBe("/portal/invoices");
    expect(await cookie(SESSION_COOKIE)).toBeTruthy();
    expect(await getCurrentUser()).toMatchObject({ id: user.id, role: "client" });
    const [row] = await getDb().select({ counter: passkeys.counter, lastUsedAt: passkeys.lastUsedAt }).from(passkeys).where(eq(passkeys.userId, user.id));
    expect(row!.counter).toBe(1);
    expect(row!.lastUsedAt).not.toBeNull();
  });

  it("refuses an answer replayed, signed for another origin, without user verification, or from a removed passkey", async () => {
    const user = await createUser({ role: "client" });
    const device = new SoftAuthenticator(origin());
    await register(user, device, "Laptop");
    await actAs(null, freshIp());
    const options = (await startPasskeySignIn(undefined, {})).data!;
    const answer = device.assert(options);
    await redirectOf(passkeySignIn(undefined, { response: answer }));
    await actAs(null, freshIp());
    expect(await passkeySignIn(undefined, { response: answer })).toMatchObject({ ok: false, formError: "That passkey request expired or was already used. Try again." });
    expect(await signInAlone(device, { origin: "https://evil.example" })).toMatchObject({ ok: false, formError: "That passkey wasn't accepted. Try again, or use another way to sign in." });
    expect(await signInAlone(device, { userVerified: false })).toMatchObject({ ok: false, formError: "That passkey wasn't accepted. Try again, or use another way to sign in." });
    // The Auth.js endpoint itself (public) refuses a made-up answer.
    await actAs(null, freshIp());
    await expect(signIn("passkey", { response: "{}", redirect: false })).rejects.toThrow();
    expect(await getCurrentUser()).toBeNull();
    await getDb().delete(passkeys).where(eq(passkeys.userId, user.id));
    expect(await signInAlone(device)).toMatchObject({ ok: false, formError: "That passkey wasn't accepted. Try again, or use another way to sign in." });
  });

  it("a disabled account can't sign in with its passkey", async () => {
    const user = await createUser({ role: "staff" });
    const device = new SoftAuthenticator(origin());
    await register(user, device, "Laptop");
    await getDb().update(users).set({ status: "disabled" }).where(eq(users.id, user.id));
    expect(await signInAlone(device)).toMatchObject({ ok: false });
    expect(await getCurrentUser()).toBeNull();
  });

  it("after a password, a passkey answers the second step; another user's passkey doesn't", async () => {
    const user = await createUser({ role: "staff" });
    const device = new SoftAuthenticator(origin());
    await register(user, device, "Laptop");
    const stranger = await createUser({ role: "staff" });
    const strangerDevice = new SoftAuthenticator(origin());
    await register(stranger, strangerDevice, "Theirs");

    await actAs(null, freshIp());
    expect(await redirectOf(login(undefined, form({ email: user.email, password: TEST_PASSWORD, callbackUrl: "/staff/invoices" })))).toBe("/two-factor");
    expect(await getCurrentUser()).toBeNull();
    const options = await startPasskeySecondStep(undefined, {});
    expect(options).toMatchObject({ ok: true });
    // The account's passkeys are listed for the browser.
    expect(options.data!.allowCredentials!.map((c) => c.id)).toEqual([device.keys[0]!.credentialId.toString("base64url")]);
    expect(await verifyTwoFactor(undefined, { factor: "passkey", code: strangerDevice.assert(options.data!) })).toMatchObject({
      ok: false,
      fieldErrors: { code: ["That passkey wasn't accepted. Try again, or use another way to sign in."] },
    });
    const again = (await startPasskeySecondStep(undefined, {})).data!;
    expect(await redirectOf(verifyTwoFactor(undefined, { factor: "passkey", code: device.assert(again) }))).toBe("/staff/invoices");
    expect(await getCurrentUser()).toMatchObject({ id: user.id });
  });

  it("a passkey's second-step challenge can't be used to sign in alone", async () => {
    const user = await createUser({ role: "client" });
    const device = new SoftAuthenticator(origin());
    await register(user, device, "Laptop");
    await actAs(null, freshIp());
    await redirectOf(login(undefined, form({ email: user.email, password: TEST_PASSWORD })));
    const options = (await startPasskeySecondStep(undefined, {})).data!;
    const answer = device.assert(options);
    await actAs(null, freshIp());
    expect(await passkeySignIn(undefined, { response: answer })).toMatchObject({ ok: false, formError: "That passkey request expired or was already used. Try again." });
  });
});
