import { and, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { auditLog, clients, users } from "@/db/schema";
import { confirmTwoFactorChange } from "@/lib/actions/profile/confirm-two-factor-change";
import { resendTwoFactorChangeCode } from "@/lib/actions/profile/resend-two-factor-change-code";
import { startTwoFactorChange } from "@/lib/actions/profile/start-two-factor-change";
import { updateProfile } from "@/lib/actions/profile/update-profile";
import { OTP_RESEND_SECONDS } from "@/lib/otp/code";
import { sendOtp } from "@/lib/otp/send";
import { form } from "../support/actions";
import { resetDatabase } from "../support/db";
import { createClientUser, createUser, TEST_PASSWORD } from "../support/factories";
import { ageLastCode, createTwoFactorUser, freshPhone, lastTextedCode } from "../support/otp";
import { actAs } from "../support/request-context";

type Started = { token: string; sentTo: string; resendAt: string };

async function twoFactorOf(userId: number) {
  const [row] = await getDb().select({ twoFactor: users.twoFactor, phone: users.phone, phoneVerifiedAt: users.phoneVerifiedAt }).from(users).where(eq(users.id, userId));
  return row!;
}

beforeAll(async () => {
  await resetDatabase();
});

describe("turning two-step sign-in on", () => {
  it("needs the password, then a fresh code to the new phone, which becomes the verified number", async () => {
    const { user, clientId } = await createClientUser();
    await actAs(user);
    const phone = freshPhone();
    expect(await startTwoFactorChange(undefined, form({ change: "enable", password: "Wrong-Password-1", phone }))).toMatchObject({
      ok: false,
      fieldErrors: { password: ["That password isn't right"] },
    });

    const started = await startTwoFactorChange(undefined, form({ change: "enable", password: TEST_PASSWORD, phone }));
    expect(started).toMatchObject({ ok: true, data: { token: expect.any(String), sentTo: `••• ${phone.slice(-4)}` } });
    expect((await twoFactorOf(user.id)).twoFactor).toBe("none");

    const { token } = started.data as Started;
    const code = await lastTextedCode(phone);
    expect(await confirmTwoFactorChange(undefined, form({ token, code }))).toMatchObject({ ok: true, data: { twoFactor: "sms" } });
    const after = await twoFactorOf(user.id);
    expect(after).toMatchObject({ twoFactor: "sms", phone });
    expect(after.phoneVerifiedAt).toBeInstanceOf(Date);
    const audit = await getDb()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityType, "user"), eq(auditLog.entityId, user.id), eq(auditLog.action, "user.two_factor_enable")));
    expect(audit).toHaveLength(1);
    // The client's own record isn't touched by this.
    const [client] = await getDb().select({ smsOptIn: clients.smsOptIn }).from(clients).where(eq(clients.id, clientId));
    expect(client?.smsOptIn).toBe(false);
  });

  it("staff and admins can turn it on from their profile too", async () => {
    for (const role of ["staff", "admin"] as const) {
      const user = await createUser({ role });
      await actAs(user);
      const phone = freshPhone();
      const started = await startTwoFactorChange(undefined, form({ change: "enable", password: TEST_PASSWORD, phone }));
      const { token } = started.data as Started;
      expect(await confirmTwoFactorChange(undefined, form({ token, code: await lastTextedCode(phone) }))).toMatchObject({ ok: true });
      expect((await twoFactorOf(user.id)).twoFactor).toBe("sms");
    }
  });

  it("refuses a code that wasn't sent for this change, and a token from someone else", async () => {
    const user = await createUser({ role: "staff" });
    const other = await createUser({ role: "staff" });
    await actAs(other);
    const otherStart = await startTwoFactorChange(undefined, form({ change: "enable", password: TEST_PASSWORD, phone: freshPhone() }));
    const otherToken = (otherStart.data as Started).token;

    await actAs(user);
    const phone = freshPhone();
    // A sign-in code is for signing in, not for settings.
    await getDb().update(users).set({ phone }).where(eq(users.id, user.id));
    await sendOtp(getDb(), { userId: user.id, purpose: "login", phone, ip: "10.9.9.9" });
    const loginCode = await lastTextedCode(phone);
    const started = await startTwoFactorChange(undefined, form({ change: "enable", password: TEST_PASSWORD, phone }));
    const { token } = started.data as Started;
    const settingsCode = await lastTextedCode(phone);
    if (loginCode !== settingsCode) expect(await confirmTwoFactorChange(undefined, form({ token, code: loginCode }))).toMatchObject({ ok: false });
    expect(await confirmTwoFactorChange(undefined, form({ token: otherToken, code: settingsCode }))).toMatchObject({ ok: false, formError: expect.stringContaining("timed out") });
    expect((await twoFactorOf(user.id)).twoFactor).toBe("none");
    // Tokens are checked before anything else, so the right code still works afterwards.
    expect(await confirmTwoFactorChange(undefined, form({ token, code: settingsCode }))).toMatchObject({ ok: true });
  });

  it("resends a settings code after the cooldown, not before", async () => {
    const user = await createUser({ role: "admin" });
    await actAs(user);
    const phone = freshPhone();
    const { token } = (await startTwoFactorChange(undefined, form({ change: "enable", password: TEST_PASSWORD, phone }))).data as Started;
    expect(await resendTwoFactorChangeCode(undefined, form({ token }))).toMatchObject({ ok: false, formError: expect.stringMatching(/^Wait/) });
    await ageLastCode(user.id, OTP_RESEND_SECONDS + 1);
    expect(await resendTwoFactorChangeCode(undefined, form({ token }))).toMatchObject({ ok: true });
  });
});

describe("turning two-step sign-in off", () => {
  it("needs the password and a fresh code to the current phone", async () => {
    const user = await createTwoFactorUser("client");
    await actAs(user);
    expect(await startTwoFactorChange(undefined, form({ change: "disable", password: "nope" }))).toMatchObject({ ok: false });
    const started = await startTwoFactorChange(undefined, form({ change: "disable", password: TEST_PASSWORD }));
    const { token } = started.data as Started;
    const code = await lastTextedCode(user.phone);
    const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, "0");
    expect(await confirmTwoFactorChange(undefined, form({ token, code: wrong }))).toMatchObject({ ok: false, fieldErrors: { code: [expect.stringContaining("4 tries left")] } });
    expect((await twoFactorOf(user.id)).twoFactor).toBe("sms");
    expect(await confirmTwoFactorChange(undefined, form({ token, code }))).toMatchObject({ ok: true, data: { twoFactor: "none" } });
    expect((await twoFactorOf(user.id)).twoFactor).toBe("none");
  });

  it("the phone that receives codes can't be swapped from the profile form while two-step sign-in is on", async () => {
    const user = await createTwoFactorUser("client");
    await actAs(user);
    const state = await updateProfile(undefined, form({ name: user.name, email: user.email, phone: freshPhone() }));
    expect(state).toMatchObject({ ok: false, fieldErrors: { phone: ["Change it under Two-step sign-in"] } });
    expect((await twoFactorOf(user.id)).phone).toBe(user.phone);
  });

  it("anonymous callers are refused", async () => {
    await actAs(null);
    expect(await startTwoFactorChange(undefined, form({ change: "enable", password: TEST_PASSWORD }))).toMatchObject({ ok: false, formError: expect.stringContaining("session") });
  });
});
