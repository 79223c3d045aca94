import { and, eq, isNull } from "drizzle-orm";
import { getDb } from "@/db";
import { auditLog, clients, emailChanges, outbox, users } from "@/db/schema";
import { changePassword } from "@/lib/actions/profile/change-password";
import { confirmEmailChange } from "@/lib/actions/profile/confirm-email-change";
import { resetPassword } from "@/lib/actions/profile/reset-password";
import { signOutEverywhere } from "@/lib/actions/profile/sign-out-everywhere";
import { updateProfile } from "@/lib/actions/profile/update-profile";
import { resetSecondFactor } from "@/lib/actions/staff/reset-second-factor";
import { authenticate } from "@/lib/auth/authenticate";
import { hashToken } from "@/lib/auth/one-time-token";
import { readEmailChange } from "@/lib/profile/email-change";
import { ensureSettingsRow, insertResetToken, tokenFrom } from "../support/backoffice";
import { resetDatabase } from "../support/db";
import { createClientUser, createUser, TEST_PASSWORD } from "../support/factories";
import { actAs, type SessionSubject } from "../support/request-context";
import { revealSecrets } from "../support/secrets";

// Finding 9: a new sign-in email is confirmed by a link sent to it, the old
// address is told at once, and the answer never says whether the new address
// already has an account.

beforeAll(async () => {
  await resetDatabase();
  await ensureSettingsRow();
});

const mailTo = async (address: string, template: string) =>
  getDb()
    .select()
    .from(outbox)
    .where(and(eq(outbox.toFirst, address), eq(outbox.template, template)));
const emailOf = async (id: number) => (await getDb().select({ email: users.email }).from(users).where(eq(users.id, id)))[0]!.email;
const confirmToken = async (address: string) => {
  const [mail] = await mailTo(address, "email_change_confirm");
  // As the new address's owner reads it: the link is stored encrypted.
  expect(JSON.stringify(mail)).not.toMatch(/confirm-email\/[A-Za-z0-9_-]{20}/);
  return tokenFrom(String(revealSecrets(mail!).data.confirmUrl), /\/confirm-email\/([^/]+)$/);
};

describe("changing the email you sign in with", () => {
  it("waits for the link sent to the new address, tells the old one, then moves the user and the client record", async () => {
    const { user, clientId } = await createClientUser("Dana Client");
    const moved = `dana.new.${Date.now()}@test.example`;
    await actAs(user);
    expect(await updateProfile(undefined, { name: "Dana Client", email: moved, phone: "", currentPassword: TEST_PASSWORD })).toMatchObject({ ok: true, data: { emailChangeSentTo: moved } });
    expect(await emailOf(user.id)).toBe(user.email);
    expect(await mailTo(user.email, "email_change_notice")).toHaveLength(1);
    const token = await confirmToken(moved);
    // Only the hash is stored.
    const [change] = await getDb().select().from(emailChanges).where(eq(emailChanges.userId, user.id));
    expect(change!.tokenHash).toBe(hashToken(token));
    expect(JSON.stringify(change)).not.toContain(token);

    // Opening the page changes nothing; the button does, from any browser.
    expect(await readEmailChange(getDb(), token)).toEqual({ newEmail: moved, name: "Dana Client" });
    expect(await emailOf(user.id)).toBe(user.email);
    await actAs(null);
    expect(await confirmEmailChange(undefined, { token })).toMatchObject({ ok: true, data: { email: moved } });
    expect(await emailOf(user.id)).toBe(moved);
    expect((await getDb().select({ email: clients.email }).from(clients).where(eq(clients.id, clientId)))[0]!.email).toBe(moved);
    expect(await authenticate(getDb(), moved, TEST_PASSWORD, "10.30.0.1")).toMatchObject({ ok: true });
    const [audit] = await getDb()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "user.email_change"), eq(auditLog.entityId, user.id)));
    expect(audit).toMatchObject({ before: { email: user.email }, after: { email: moved } });

    // The link works once.
    expect(await confirmEmailChange(undefined, { token })).toMatchObject({ ok: false, formError: expect.stringContaining("isn't valid any more") });
  });

  it("answers the same for an address that already has an account, and that address is told instead of linked", async () => {
    const a = await createUser({ role: "staff" });
    const b = await createUser({ role: "staff" });
    await actAs(a);
    const taken = await updateProfile(undefined, { name: "A", email: b.email, phone: "", currentPassword: TEST_PASSWORD });
    const free = await updateProfile(undefined, { name: "A", email: `free.${Date.now()}@test.example`, phone: "", currentPassword: TEST_PASSWORD });
    expect(taken).toMatchObject({ ok: true, formError: null, fieldErrors: {} });
    expect(Object.keys(taken)).toEqual(Object.keys(free));
    expect(await mailTo(b.email, "email_change_taken")).toHaveLength(1);
    expect(await mailTo(b.email, "email_change_confirm")).toHaveLength(0);
    expect(await emailOf(a.id)).toBe(a.email);
    expect(await emailOf(b.id)).toBe(b.email);
  });

  it("a newer request replaces the older link", async () => {
    const staff = await createUser({ role: "staff" });
    await actAs(staff);
    const first = `first.${Date.now()}@test.example`;
    const second = `second.${Date.now()}@test.example`;
    await updateProfile(undefined, { name: "S", email: first, phone: "", currentPassword: TEST_PASSWORD });
    const oldToken = await confirmToken(first);
    await updateProfile(undefined, { name: "S", email: second, phone: "", currentPassword: TEST_PASSWORD });
    expect(await confirmEmailChange(undefined, { token: oldToken })).toMatchObject({ ok: false });
    expect(await confirmEmailChange(undefined, { token: await confirmToken(second) })).toMatchObject({ ok: true });
    expect(await emailOf(staff.id)).toBe(second);
  });

  it("refuses an expired link, and an address taken between the request and the click", async () => {
    const staff = await createUser({ role: "staff" });
    await actAs(staff);
    const wanted = `wanted.${Date.now()}@test.example`;
    await updateProfile(undefined, { name: "S", email: wanted, phone: "", currentPassword: TEST_PASSWORD });
    const token = await confirmToken(wanted);
    await createUser({ role: "client", email: wanted });
    expect(await confirmEmailChange(undefined, { token })).toMatchObject({ ok: false, formError: expect.stringContaining("belongs to another account") });
    expect(await emailOf(staff.id)).toBe(staff.email);

    const later = `later.${Date.now()}@test.example`;
    await updateProfile(undefined, { name: "S", email: later, phone: "", currentPassword: TEST_PASSWORD });
    const lateToken = await confirmToken(later);
    await getDb()
      .update(emailChanges)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(emailChanges.tokenHash, hashToken(lateToken)));
    expect(await readEmailChange(getDb(), lateToken)).toBeNull();
    expect(await confirmEmailChange(undefined, { token: lateToken })).toMatchObject({ ok: false, formError: expect.stringContaining("isn't valid any more") });
    expect(await emailOf(staff.id)).toBe(staff.email);
  });
});

// Someone who has the password asks to move the account to their own address.
// The owner is told and takes the account back, as the notice says to; the
// link to the other address, which needs only its token, must die with the
// sessions, or it hands the account over afterwards.
describe("taking the account back voids a pending email change", () => {
  const NEW = "Taken-Back-Secret-42";
  const pendingChanges = async (userId: number) =>
    getDb()
      .select({ id: emailChanges.id })
      .from(emailChanges)
      .where(and(eq(emailChanges.userId, userId), isNull(emailChanges.usedAt)));

  async function requestedByIntruder(user: SessionSubject & { email: string }) {
    const intruder = `intruder.${user.id}.${Date.now()}@test.example`;
    await actAs(user);
    expect(await updateProfile(undefined, { name: "Owner", email: intruder, phone: "", currentPassword: TEST_PASSWORD })).toMatchObject({ ok: true });
    return confirmToken(intruder);
  }

  const takeBack: Record<string, (user: SessionSubject) => Promise<unknown>> = {
    "a password reset": async (user) => {
      const reset = await insertResetToken(user.id);
      await actAs(null);
      expect(await resetPassword(undefined, { token: reset, password: NEW, confirmPassword: NEW })).toMatchObject({ ok: true });
    },
    "a password change": async (user) => {
      await actAs(user);
      expect(await changePassword(undefined, { currentPassword: TEST_PASSWORD, password: NEW, confirmPassword: NEW })).toMatchObject({ ok: true });
    },
    "signing out everywhere": async (user) => {
      await actAs(user);
      expect(await signOutEverywhere(undefined, {})).toMatchObject({ ok: true });
    },
    "an admin's reset of the second factors": async (user) => {
      await actAs(await createUser({ role: "admin" }));
      expect(await resetSecondFactor(undefined, { userId: String(user.id) })).toMatchObject({ ok: true });
    },
  };

  it.each(Object.keys(takeBack))("after %s the link changes nothing", async (how) => {
    const user = await createUser({ role: "staff" });
    const bystander = await createUser({ role: "staff" });
    const token = await requestedByIntruder(user);
    await requestedByIntruder(bystander);

    await takeBack[how]!(user);
    await actAs(null);
    expect(await readEmailChange(getDb(), token)).toBeNull();
    expect(await confirmEmailChange(undefined, { token })).toMatchObject({ ok: false, formError: expect.stringContaining("isn't valid any more") });
    expect(await emailOf(user.id)).toBe(user.email);
    // Only that person's link goes.
    expect(await pendingChanges(user.id)).toHaveLength(0);
    expect(await pendingChanges(bystander.id)).toHaveLength(1);
  });

  it("a confirmed change voids the reset links sent to the old address", async () => {
    const user = await createUser({ role: "staff" });
    const reset = await insertResetToken(user.id);
    const token = await requestedByIntruder(user);
    await actAs(null);
    expect(await confirmEmailChange(undefined, { token })).toMatchObject({ ok: true });
    expect(await resetPassword(undefined, { token: reset, password: NEW, confirmPassword: NEW })).toMatchObject({ ok: false, formError: expect.stringContaining("isn't valid") });
    expect(await authenticate(getDb(), await emailOf(user.id), TEST_PASSWORD, "10.30.0.2")).toMatchObject({ ok: true });
  });
});
