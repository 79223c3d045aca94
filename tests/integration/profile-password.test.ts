import { and, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { outbox, passwordResets, users } from "@/db/schema";
import { changePassword } from "@/lib/actions/profile/change-password";
import { requestPasswordReset } from "@/lib/actions/profile/request-password-reset";
import { RESET_REQUEST_ANSWER_MS } from "@/lib/profile/password-reset";
import { resetPassword } from "@/lib/actions/profile/reset-password";
import { updateProfile } from "@/lib/actions/profile/update-profile";
import { authenticate } from "@/lib/auth/authenticate";
import { getCurrentUser } from "@/lib/auth/session";
import { databaseChecksum, ensureSettingsRow, insertResetToken, tokenFrom } from "../support/backoffice";
import { resetDatabase } from "../support/db";
import { createUser, TEST_PASSWORD } from "../support/factories";
import { actAs, nextHeadersMock } from "../support/request-context";
import { revealSecrets } from "../support/secrets";

const NEW = "Brand-New-Secret-42";
let ip = 0;
const freshIp = () => `10.20.0.${++ip}`;

beforeAll(async () => {
  await resetDatabase();
  await ensureSettingsRow();
});

async function row(id: number) {
  const [r] = await getDb().select({ email: users.email, name: users.name, phone: users.phone, sessionVersion: users.sessionVersion }).from(users).where(eq(users.id, id));
  return r!;
}

describe("changing the password", () => {
  it("needs the current password, ends every other session, and keeps this one signed in", async () => {
    const staff = await createUser({ role: "staff" });
    await actAs(staff);
    const result = await changePassword(undefined, { currentPassword: TEST_PASSWORD, password: NEW, confirmPassword: NEW });
    expect(result).toMatchObject({ ok: true, data: { signedIn: true } });
    expect((await row(staff.id)).sessionVersion).toBe(2);

    // This browser got a fresh session cookie carrying the new version...
    const jar = await nextHeadersMock.cookies();
    expect(jar.get("authjs.session-token")?.value).toBeTruthy();
    expect(await getCurrentUser()).toMatchObject({ id: staff.id, sessionVersion: 2 });
    // ...while a session issued before the change (another device) is over.
    await actAs(staff);
    expect(await getCurrentUser()).toBeNull();

    expect(await authenticate(getDb(), staff.email, NEW, freshIp())).toMatchObject({ ok: true });
    expect(await authenticate(getDb(), staff.email, TEST_PASSWORD, freshIp())).toMatchObject({ ok: false });
  });

  it("refuses a wrong current password or a weak new one, and changes nothing", async () => {
    const admin = await createUser({ role: "admin" });
    await actAs(admin);
    const before = await databaseChecksum();
    expect(await changePassword(undefined, { currentPassword: "Wrong-Password-1", password: NEW, confirmPassword: NEW })).toMatchObject({
      ok: false,
      fieldErrors: { currentPassword: [expect.any(String)] },
    });
    expect(await changePassword(undefined, { currentPassword: TEST_PASSWORD, password: "short", confirmPassword: "short" })).toMatchObject({
      ok: false,
      fieldErrors: { password: [expect.stringContaining("at least 10")] },
    });
    expect(await changePassword(undefined, { currentPassword: TEST_PASSWORD, password: NEW, confirmPassword: `${NEW}x` })).toMatchObject({
      ok: false,
      fieldErrors: { confirmPassword: [expect.any(String)] },
    });
    expect(await databaseChecksum()).toBe(before);
  });
});

describe("editing the profile", () => {
  it("changes name and phone freely; a new email needs the current password and then its link", async () => {
    const client = await createUser({ role: "client" });
    await actAs(client);
    expect((await updateProfile(undefined, { name: "Cleo Client", email: client.email, phone: "07400 123456", phoneCountry: "GB" })).ok).toBe(true);
    expect(await row(client.id)).toMatchObject({ name: "Cleo Client", phone: "+447400123456" });

    const moved = `moved-${client.id}@test.example`;
    expect(await updateProfile(undefined, { name: "Cleo Client", email: moved, phone: "" })).toMatchObject({ ok: false, fieldErrors: { currentPassword: [expect.any(String)] } });
    expect(await updateProfile(undefined, { name: "Cleo Client", email: moved, phone: "", currentPassword: "nope" })).toMatchObject({
      ok: false,
      fieldErrors: { currentPassword: [expect.any(String)] },
    });
    expect(await updateProfile(undefined, { name: "Cleo Client", email: moved, phone: "", currentPassword: TEST_PASSWORD })).toMatchObject({ ok: true, data: { emailChangeSentTo: moved } });
    // Nothing changes until the new address confirms (tests/integration/email-change.test.ts).
    expect((await row(client.id)).email).toBe(client.email);
  });
});

describe("forgot password", () => {
  it("emails a one-hour, single-use link; using it sets the password and ends every session", async () => {
    const staff = await createUser({ role: "staff" });
    await actAs(null);
    expect(await requestPasswordReset(undefined, { email: staff.email.toUpperCase() })).toMatchObject({ ok: true });
    const [mail] = await getDb()
      .select()
      .from(outbox)
      .where(and(eq(outbox.template, "password_reset"), eq(outbox.toFirst, staff.email)));
    const url = revealSecrets(mail!).data.resetUrl as string;
    const token = tokenFrom(url, /\/reset-password\/([^/]+)$/);
    const [reset] = await getDb().select().from(passwordResets).where(eq(passwordResets.userId, staff.id));
    expect(reset!.tokenHash).not.toBe(token);
    const minutes = (reset!.expiresAt.getTime() - Date.now()) / 60_000;
    expect(minutes).toBeGreaterThan(59);
    expect(minutes).toBeLessThanOrEqual(60);

    expect(await resetPassword(undefined, { token, password: NEW, confirmPassword: NEW })).toMatchObject({ ok: true });
    expect((await row(staff.id)).sessionVersion).toBe(2);
    expect(await authenticate(getDb(), staff.email, NEW, freshIp())).toMatchObject({ ok: true });
    const before = await databaseChecksum();
    expect(await resetPassword(undefined, { token, password: "Second-Try-Pass-7", confirmPassword: "Second-Try-Pass-7" })).toMatchObject({
      ok: false,
      formError: expect.stringContaining("isn't valid"),
    });
    expect(await databaseChecksum()).toBe(before);
  });

  it("answers an unknown email exactly as a known one, and sends nothing", async () => {
    await actAs(null);
    const before = (await getDb().select().from(outbox)).length;
    const timed = async (email: string) => {
      const started = performance.now();
      const answer = await requestPasswordReset(undefined, { email });
      return { answer, ms: performance.now() - started };
    };
    const knownEmail = (await createUser({ role: "client" })).email;
    const unknown = await timed("nobody-here@test.example");
    const known = await timed(knownEmail);
    expect(unknown.answer).toEqual(known.answer);
    // Nor does the time: neither answer comes before the floor (the account's work fits under it).
    expect(unknown.ms).toBeGreaterThanOrEqual(RESET_REQUEST_ANSWER_MS - 5);
    expect(known.ms).toBeGreaterThanOrEqual(RESET_REQUEST_ANSWER_MS - 5);
    expect((await getDb().select().from(outbox)).length).toBe(before + 1);
  });

  it("refuses an expired or tampered link and changes nothing", async () => {
    const client = await createUser({ role: "client" });
    const expired = await insertResetToken(client.id, { expiresAt: new Date(Date.now() - 1000) });
    const valid = await insertResetToken(client.id);
    await actAs(null);
    const before = await databaseChecksum();
    expect((await resetPassword(undefined, { token: expired, password: NEW, confirmPassword: NEW })).ok).toBe(false);
    expect((await resetPassword(undefined, { token: `${valid}x`, password: NEW, confirmPassword: NEW })).ok).toBe(false);
    expect(await databaseChecksum()).toBe(before);
  });
});
