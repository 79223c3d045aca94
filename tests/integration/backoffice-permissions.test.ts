import { readdirSync } from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import { getDb } from "@/db";
import { emailChanges, passkeys, reminderPauses, roles, sessions, settings, type Role } from "@/db/schema";
import { DENIED, SET_UP_SECOND_FACTOR, SIGNED_OUT } from "@/lib/actions/define-action";
import { addPasskey } from "@/lib/actions/security/add-passkey";
import { confirmTotpSetup } from "@/lib/actions/security/confirm-totp-setup";
import { regenerateRecoveryCodes } from "@/lib/actions/security/regenerate-recovery-codes";
import { removePasskey } from "@/lib/actions/security/remove-passkey";
import { removeTotp } from "@/lib/actions/security/remove-totp";
import { renamePasskey } from "@/lib/actions/security/rename-passkey";
import { startPasskeyRegistration } from "@/lib/actions/security/start-passkey-registration";
import { startTotpSetup } from "@/lib/actions/security/start-totp-setup";
import { setSecondFactorPolicy } from "@/lib/actions/settings/set-second-factor-policy";
import { resetSecondFactor } from "@/lib/actions/staff/reset-second-factor";
import { env } from "@/lib/env";
import { passkeyRegistrationOptions } from "@/lib/passkeys/register";
import { startTotpSetup as startTotpSetupFor } from "@/lib/second-factor/totp-setup";
import { totpCodeAt } from "@/lib/second-factor/totp";
import { archiveClient } from "@/lib/actions/clients/archive-client";
import { createClient } from "@/lib/actions/clients/create-client";
import { deleteClient } from "@/lib/actions/clients/delete-client";
import { importClients } from "@/lib/actions/clients/import-clients";
import { previewClientImport } from "@/lib/actions/clients/preview-client-import";
import { restoreClient } from "@/lib/actions/clients/restore-client";
import { updateClient } from "@/lib/actions/clients/update-client";
import { acceptInvite } from "@/lib/actions/invites/accept-invite";
import { decideInvite } from "@/lib/actions/invites/decide-invite";
import { requestInvite } from "@/lib/actions/invites/request-invite";
import { changePassword } from "@/lib/actions/profile/change-password";
import { confirmEmailChange } from "@/lib/actions/profile/confirm-email-change";
import { requestPasswordReset } from "@/lib/actions/profile/request-password-reset";
import { resetPassword } from "@/lib/actions/profile/reset-password";
import { signOutDevice } from "@/lib/actions/profile/sign-out-device";
import { signOutEverywhere } from "@/lib/actions/profile/sign-out-everywhere";
import { updateProfile } from "@/lib/actions/profile/update-profile";
import { confirmPayment } from "@/lib/actions/payments/confirm-payment";
import { recordPayment } from "@/lib/actions/payments/record-payment";
import { refundPayment } from "@/lib/actions/payments/refund-payment";
import { rejectPayment } from "@/lib/actions/payments/reject-payment";
import { retryStripeEvent } from "@/lib/actions/payments/retry-stripe-event";
import { pauseReminders } from "@/lib/actions/reminders/pause-reminders";
import { resumeReminders } from "@/lib/actions/reminders/resume-reminders";
import { runReminders } from "@/lib/actions/reminders/run-reminders";
import { sendReminders } from "@/lib/actions/reminders/send-reminders";
import { updateReminderSchedule } from "@/lib/actions/reminders/update-reminder-schedule";
import { archiveService } from "@/lib/actions/services/archive-service";
import { createService } from "@/lib/actions/services/create-service";
import { deleteService } from "@/lib/actions/services/delete-service";
import { restoreService } from "@/lib/actions/services/restore-service";
import { updateService } from "@/lib/actions/services/update-service";
import { updateSettings } from "@/lib/actions/settings/update-settings";
import { setStaffStatus } from "@/lib/actions/staff/set-staff-status";
import { updateStaff } from "@/lib/actions/staff/update-staff";
import { permissions, type Permission } from "@/lib/auth/permissions";
import { newToken } from "@/lib/auth/one-time-token";
import { createSession, hashSessionId } from "@/lib/auth/sessions";
import type { FormState } from "@/lib/form-state";
import { databaseChecksum, ensureSettingsRow, insertApprovedInvite, insertClient, insertFailedStripeEvent, insertInvoice, insertPayment, insertPendingInvite, insertResetToken, insertService } from "../support/backoffice";
import { resetDatabase } from "../support/db";
import { createUser, TEST_PASSWORD } from "../support/factories";
import { actAs } from "../support/request-context";
import { giveTotp } from "../support/second-factors";
import { SoftAuthenticator } from "../support/soft-authenticator";

// Every back-office server action, called as admin, staff, client and an
// anonymous visitor. Each case builds its own fixtures and a fresh actor, so
// an allowed call can really succeed; a denied call must leave every table
// exactly as it was.

type User = Awaited<ReturnType<typeof createUser>>;
type AnyAction = ((prev: undefined, input: never) => Promise<FormState<unknown>>) & { actionName?: string; permission?: Permission | "public" };
type Case = { action: AnyAction; input: (actor: User | null) => Promise<unknown> };

let seq = 0;
const unique = () => `${++seq}-${Date.now().toString(36)}`;
const NEW_PASSWORD = "Fresh-Matrix-Pass-77";

const matrix: Case[] = [
  { action: createClient, input: async () => ({ name: `Matrix client ${unique()}`, email: `m${unique()}@test.example` }) },
  { action: updateClient, input: async () => ({ id: (await insertClient()).id, name: "Edited in the matrix" }) },
  { action: archiveClient, input: async () => ({ id: (await insertClient()).id }) },
  { action: restoreClient, input: async () => ({ id: (await insertClient({ archived: true })).id }) },
  { action: deleteClient, input: async () => ({ id: (await insertClient()).id }) },
  { action: previewClientImport, input: async () => ({ csv: `name,email\r\nPreviewed ${unique()},p${unique()}@test.example\r\n` }) },
  { action: importClients, input: async () => ({ csv: `name,email\r\nImported ${unique()},i${unique()}@test.example\r\n` }) },
  {
    action: sendReminders,
    input: async () => {
      const client = await insertClient();
      await insertInvoice(client.id);
      return { clientIds: [client.id] };
    },
  },
  // The automatic schedule: admins edit it; staff and admins pause, resume and run it.
  {
    action: updateReminderSchedule,
    input: async () => ({ enabled: false, steps: [{ id: null, offsetDays: "-2", email: true, sms: false, tone: "friendly" }, { id: null, offsetDays: "10", email: true, sms: true, tone: "firm" }] }),
  },
  { action: pauseReminders, input: async () => ({ target: "invoice", id: (await insertInvoice((await insertClient()).id)).id, reason: "Disputed line, checking with the client" }) },
  {
    action: resumeReminders,
    input: async () => {
      const client = await insertClient();
      await getDb().insert(reminderPauses).values({ clientId: client.id, reason: "On a payment plan" });
      return { target: "client", id: client.id };
    },
  },
  { action: runReminders, input: async () => ({}) },
  { action: createService, input: async () => ({ name: `Matrix service ${unique()}`, price: "25.00", currency: "USD", interval: "monthly", active: true }) },
  { action: updateService, input: async () => ({ id: (await insertService()).id, name: "Edited service", price: "30", currency: "USD", interval: "yearly", active: true }) },
  { action: archiveService, input: async () => ({ id: (await insertService()).id }) },
  { action: restoreService, input: async () => ({ id: (await insertService({ archived: true })).id }) },
  { action: deleteService, input: async () => ({ id: (await insertService()).id }) },
  { action: updateStaff, input: async () => ({ id: (await createUser({ role: "staff" })).id, name: "Renamed staff", phone: "", role: "staff" }) },
  { action: setStaffStatus, input: async () => ({ id: (await createUser({ role: "staff" })).id, enabled: false }) },
  { action: requestInvite, input: async () => ({ email: `invitee-${unique()}@test.example`, name: "Matrix Invitee" }) },
  { action: decideInvite, input: async () => ({ token: (await insertPendingInvite((await createUser({ role: "admin" })).id)).token, decision: "approve" }) },
  { action: acceptInvite, input: async () => ({ token: (await insertApprovedInvite((await createUser({ role: "admin" })).id)).token, password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD }) },
  { action: updateProfile, input: async (actor) => ({ name: "Renamed Self", email: actor?.email ?? "nobody@test.example", phone: "" }) },
  { action: changePassword, input: async () => ({ currentPassword: TEST_PASSWORD, password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD }) },
  { action: requestPasswordReset, input: async () => ({ email: (await createUser({ role: "staff" })).email }) },
  { action: resetPassword, input: async () => ({ token: await insertResetToken((await createUser({ role: "client" })).id), password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD }) },
  {
    // Another device of the actor's own (or of someone, for the anonymous caller).
    action: signOutDevice,
    input: async (actor) => {
      const owner = actor ?? (await createUser({ role: "staff" }));
      const sid = await createSession(getDb(), { userId: owner.id, sessionVersion: owner.sessionVersion });
      const [row] = await getDb().select({ id: sessions.id }).from(sessions).where(eq(sessions.tokenHash, hashSessionId(sid)));
      return { sessionId: row!.id };
    },
  },
  { action: signOutEverywhere, input: async () => ({}) },
  {
    // Public: the link sent to the new address is the credential.
    action: confirmEmailChange,
    input: async () => {
      const owner = await createUser({ role: "staff" });
      const { token, hash } = newToken();
      await getDb().insert(emailChanges).values({ userId: owner.id, newEmail: `changed-${unique()}@test.example`, tokenHash: hash, expiresAt: new Date(Date.now() + 3600_000) });
      return { token };
    },
  },
  // One's own second factors (every role), the back-office policy and an admin's reset of someone else's.
  { action: startTotpSetup, input: async () => ({}) },
  {
    action: confirmTotpSetup,
    input: async (actor) => {
      if (!actor) return { code: "123456" };
      const { secret } = await startTotpSetupFor(getDb(), { id: actor.id, role: actor.role });
      return { code: totpCodeAt(secret, new Date()) };
    },
  },
  {
    action: removeTotp,
    input: async (actor) => {
      if (actor) await giveTotp(actor.id);
      return { password: TEST_PASSWORD };
    },
  },
  {
    action: regenerateRecoveryCodes,
    input: async (actor) => {
      if (actor) await giveTotp(actor.id);
      return {};
    },
  },
  { action: startPasskeyRegistration, input: async () => ({}) },
  {
    action: addPasskey,
    input: async (actor) => {
      if (!actor) return { name: "Laptop", response: "{}" };
      const options = await passkeyRegistrationOptions(getDb(), { id: actor.id, role: actor.role }, new Date());
      return { name: "Laptop", response: new SoftAuthenticator(new URL(env().APP_URL).origin).register(options) };
    },
  },
  { action: renamePasskey, input: async (actor) => ({ id: await insertPasskey(actor), name: "Renamed key" }) },
  { action: removePasskey, input: async (actor) => ({ id: await insertPasskey(actor) }) },
  // "off" on a row that is off: allowed callers succeed without locking the rest of this file out.
  { action: setSecondFactorPolicy, input: async () => ({ required: "off" }) },
  { action: resetSecondFactor, input: async () => ({ userId: (await createUser({ role: "staff" })).id }) },
  // Payments on an invoice (no card provider configured: the built-in paths).
  { action: recordPayment, input: async () => ({ invoiceId: (await insertInvoice((await insertClient()).id)).id, amount: "25.00", method: "bank_transfer", receivedOn: "2026-01-05", reference: "", idempotencyKey: `matrix-${unique()}` }) },
  {
    action: confirmPayment,
    input: async () => {
      const client = await insertClient();
      return { paymentId: (await insertPayment((await insertInvoice(client.id)).id, client.id)).id };
    },
  },
  {
    action: rejectPayment,
    input: async () => {
      const client = await insertClient();
      return { paymentId: (await insertPayment((await insertInvoice(client.id)).id, client.id)).id, reason: "The money never arrived" };
    },
  },
  {
    // A part of a succeeded payment.
    action: refundPayment,
    input: async () => {
      const client = await insertClient();
      const invoice = await insertInvoice(client.id, { status: "partially_paid", paidMinor: 2_500 });
      return { paymentId: (await insertPayment(invoice.id, client.id, { status: "succeeded" })).id, amount: "10.00" };
    },
  },
  // A failed Stripe event retried from the payments page (one the app ignores, so no Stripe call is needed).
  { action: retryStripeEvent, input: async () => ({ id: (await insertFailedStripeEvent({ type: "customer.created", object: { id: `cus_${unique()}`, object: "customer" } })).id }) },
  {
    action: updateSettings,
    input: async () => ({ companyName: `Acme ${unique()}`, companyAddress: "2 Test Road", defaultCurrency: "EUR", locale: "en-US", timeZone: "UTC", taxRate: "8.5", invoicePrefix: "ACM", dueDays: "30", senderName: "Acme Billing", minPayment: "5.00", bankInstructions: "IBAN GB00 TEST", cashInstructions: "" }),
  },
];

/** A passkey row of the actor's own (or of someone, for the anonymous caller). */
async function insertPasskey(actor: User | null): Promise<number> {
  const owner = actor ?? (await createUser({ role: "staff" }));
  const [res] = await getDb().insert(passkeys).values({ userId: owner.id, credentialId: `matrix-${unique()}`, publicKey: "AA", name: "Matrix key" });
  return res.insertId;
}

const BACK_OFFICE_AREAS = ["clients", "payments", "reminders", "services", "staff", "invites", "profile", "settings", "security"];
// Two-step sign-in settings live beside the profile actions but belong to the
// client portal's work (issue 6), which tests them with their code flow.
const NOT_BACK_OFFICE = new Set(["profile.two_factor_start", "profile.two_factor_confirm", "profile.two_factor_resend"]);

beforeAll(async () => {
  await resetDatabase();
  await ensureSettingsRow();
});

describe("the permission matrix covers every back-office action", () => {
  it(`lists all ${matrix.length} actions under lib/actions/{${BACK_OFFICE_AREAS.join(",")}}`, () => {
    const onDisk: string[] = [];
    for (const area of BACK_OFFICE_AREAS) {
      const dir = path.join(process.cwd(), "lib", "actions", area);
      for (const file of readdirSync(dir).filter((f) => f.endsWith(".ts"))) {
        const mod = jest.requireActual(path.join(dir, file)) as Record<string, AnyAction>;
        for (const exported of Object.values(mod)) if (typeof exported === "function" && exported.actionName && !NOT_BACK_OFFICE.has(exported.actionName)) onDisk.push(exported.actionName);
      }
    }
    expect(matrix.map((c) => c.action.actionName).sort()).toEqual(onDisk.sort());
    expect(matrix).toHaveLength(45);
  });
});

const cases = matrix.flatMap((c) =>
  [...roles, "anonymous" as const].map((who) => {
    const permission = c.action.permission!;
    const allowed = permission === "public" || (who !== "anonymous" && (permissions[permission] as readonly Role[]).includes(who));
    return { name: c.action.actionName!, permission, who, allowed, c };
  }),
);

describe("each action as each role", () => {
  it.each(cases)("$name ($permission) as $who → allowed: $allowed", async ({ who, allowed, c }) => {
    const actor = who === "anonymous" ? null : await createUser({ role: who });
    const input = await c.input(actor);
    await actAs(actor);
    const before = allowed ? null : await databaseChecksum();
    const result = await c.action(undefined, input as never);
    if (allowed) {
      expect(result).toMatchObject({ ok: true, formError: null });
    } else {
      expect(result).toEqual({ ok: false, fieldErrors: {}, formError: who === "anonymous" ? SIGNED_OUT : DENIED });
      expect(await databaseChecksum()).toBe(before);
    }
  });
});

// The back-office second-factor policy, enforced by the action builder: an
// admin or staff member with no authenticator app or passkey may use their
// own security actions (to set one up) and nothing else, whatever the UI shows.
describe("with the second-factor policy on", () => {
  beforeAll(async () => {
    await getDb().update(settings).set({ requireBackOfficeSecondFactor: true }).where(eq(settings.id, 1));
  });
  afterAll(async () => {
    await getDb().update(settings).set({ requireBackOfficeSecondFactor: false }).where(eq(settings.id, 1));
  });

  const held = matrix.flatMap((c) =>
    (["admin", "staff"] as const)
      .filter((who) => c.action.permission !== "public" && (permissions[c.action.permission!] as readonly Role[]).includes(who))
      .map((who) => ({ name: c.action.actionName!, permission: c.action.permission!, who, c })),
  );

  it.each(held)("$name ($permission) as $who without a second factor", async ({ who, permission, c }) => {
    const actor = await createUser({ role: who });
    const input = await c.input(actor);
    await actAs(actor);
    if (permission === "security:self") {
      // Setting one up is exactly what they must be able to do.
      expect(await c.action(undefined, input as never)).toMatchObject({ ok: true, formError: null });
      return;
    }
    const before = await databaseChecksum();
    expect(await c.action(undefined, input as never)).toEqual({ ok: false, fieldErrors: {}, formError: SET_UP_SECOND_FACTOR });
    expect(await databaseChecksum()).toBe(before);
  });

  it.each(held.filter((h) => h.permission !== "security:self"))("$name ($permission) as $who with an authenticator app → allowed", async ({ who, c }) => {
    const actor = await createUser({ role: who });
    await giveTotp(actor.id);
    const input = await c.input(actor);
    await actAs(actor);
    expect(await c.action(undefined, input as never)).toMatchObject({ ok: true, formError: null });
  });
});
