import { readdirSync } from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import { getDb } from "@/db";
import { emailChanges, passkeys, reminderPauses, roles, sessions, settings, type Role } from "@/db/schema";
import { DENIED, SET_UP_SECOND_FACTOR, SIGNED_OUT } from "@/lib/actions/define-action";
import { env } from "@/lib/env";
import { passkeyRegistrationOptions } from "@/lib/passkeys/register";
import { totpCodeAt } from "@/lib/second-factor/totp";
import { startTotpSetup as startTotpSetupFor } from "@/lib/second-factor/totp-setup";
import { permissions, type Permission } from "@/lib/auth/permissions";
import { newToken } from "@/lib/auth/one-time-token";
import { createSession, hashSessionId } from "@/lib/auth/sessions";
import type { FormState } from "@/lib/form-state";
import {
  databaseChecksum,
  ensureSettingsRow,
  insertApprovedInvite,
  insertClient,
  insertFailedStripeEvent,
  insertInvoice,
  insertPayment,
  insertPendingInvite,
  insertResetToken,
  insertService,
} from "../support/backoffice";
import { resetDatabase } from "../support/db";
import { createUser, TEST_PASSWORD } from "../support/factories";
import { actAs } from "../support/request-context";
import { giveTotp } from "../support/second-factors";
import { SoftAuthenticator } from "../support/soft-authenticator";

// Every server action is found on disk (lib/actions/<area>/*.ts), so a new
// one is checked without touching this file:
//  - each back-office action is called as admin, staff, client and an
//    anonymous visitor, with a case below that builds its fixtures, so an
//    allowed call can really succeed; a denied call must leave every table
//    exactly as it was. A back-office action without a case fails the test.
//  - every other action (invoices, outbox, portal, sign-in, sign-up) is called
//    with an empty input by every role its permission doesn't name, and must
//    be refused before it reads anything, changing nothing.

type User = Awaited<ReturnType<typeof createUser>>;
type AnyAction = ((prev: undefined, input: never) => Promise<FormState<unknown>>) & { actionName?: string; permission?: Permission | "public" };
type Case = { name: string; input: (actor: User | null) => Promise<unknown> };

let seq = 0;
const unique = () => `${++seq}-${Date.now().toString(36)}`;
const NEW_PASSWORD = "Fresh-Matrix-Pass-77";

const matrix: Case[] = [
  { name: "clients.create", input: async () => ({ name: `Matrix client ${unique()}`, email: `m${unique()}@test.example` }) },
  { name: "clients.update", input: async () => ({ id: (await insertClient()).id, name: "Edited in the matrix" }) },
  { name: "clients.archive", input: async () => ({ id: (await insertClient()).id }) },
  { name: "clients.restore", input: async () => ({ id: (await insertClient({ archived: true })).id }) },
  { name: "clients.delete", input: async () => ({ id: (await insertClient()).id }) },
  { name: "clients.import_preview", input: async () => ({ csv: `name,email\r\nPreviewed ${unique()},p${unique()}@test.example\r\n` }) },
  { name: "clients.import", input: async () => ({ csv: `name,email\r\nImported ${unique()},i${unique()}@test.example\r\n` }) },
  {
    name: "reminders.send",
    input: async () => {
      const client = await insertClient();
      await insertInvoice(client.id);
      return { clientIds: [client.id] };
    },
  },
  {
    // Picks its clients on the server: the input says only which tab of the unpaid page it was pressed on.
    name: "reminders.remind_all_unpaid",
    input: async () => {
      await insertInvoice((await insertClient()).id);
      return { show: "all" };
    },
  },
  // The automatic schedule: admins edit it; staff and admins pause, resume and run it.
  {
    name: "reminders.update_schedule",
    input: async () => ({
      enabled: false,
      steps: [
        { id: null, offsetDays: "-2", email: true, sms: false, tone: "friendly" },
        { id: null, offsetDays: "10", email: true, sms: true, tone: "firm" },
      ],
    }),
  },
  { name: "reminders.pause", input: async () => ({ target: "invoice", id: (await insertInvoice((await insertClient()).id)).id, reason: "Disputed line, checking with the client" }) },
  {
    name: "reminders.resume",
    input: async () => {
      const client = await insertClient();
      await getDb().insert(reminderPauses).values({ clientId: client.id, reason: "On a payment plan" });
      return { target: "client", id: client.id };
    },
  },
  { name: "reminders.run", input: async () => ({}) },
  { name: "services.create", input: async () => ({ name: `Matrix service ${unique()}`, price: "25.00", currency: "USD", interval: "monthly", active: true }) },
  { name: "services.update", input: async () => ({ id: (await insertService()).id, name: "Edited service", price: "30", currency: "USD", interval: "yearly", active: true }) },
  { name: "services.archive", input: async () => ({ id: (await insertService()).id }) },
  { name: "services.restore", input: async () => ({ id: (await insertService({ archived: true })).id }) },
  { name: "services.delete", input: async () => ({ id: (await insertService()).id }) },
  { name: "staff.update", input: async () => ({ id: (await createUser({ role: "staff" })).id, name: "Renamed staff", phone: "", role: "staff" }) },
  { name: "staff.set_status", input: async () => ({ id: (await createUser({ role: "staff" })).id, enabled: false }) },
  { name: "invites.request", input: async () => ({ email: `invitee-${unique()}@test.example`, name: "Matrix Invitee" }) },
  { name: "invites.decide", input: async () => ({ token: (await insertPendingInvite((await createUser({ role: "admin" })).id)).token, decision: "approve" }) },
  { name: "invites.accept", input: async () => ({ token: (await insertApprovedInvite((await createUser({ role: "admin" })).id)).token, password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD }) },
  { name: "profile.update", input: async (actor) => ({ name: "Renamed Self", email: actor?.email ?? "nobody@test.example", phone: "" }) },
  { name: "profile.change_password", input: async () => ({ currentPassword: TEST_PASSWORD, password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD }) },
  { name: "profile.request_password_reset", input: async () => ({ email: (await createUser({ role: "staff" })).email }) },
  { name: "profile.reset_password", input: async () => ({ token: await insertResetToken((await createUser({ role: "client" })).id), password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD }) },
  {
    // Another device of the actor's own (or of someone, for the anonymous caller).
    name: "profile.sign_out_device",
    input: async (actor) => {
      const owner = actor ?? (await createUser({ role: "staff" }));
      const sid = await createSession(getDb(), { userId: owner.id, sessionVersion: owner.sessionVersion });
      const [row] = await getDb()
        .select({ id: sessions.id })
        .from(sessions)
        .where(eq(sessions.tokenHash, hashSessionId(sid)));
      return { sessionId: row!.id };
    },
  },
  { name: "profile.sign_out_everywhere", input: async () => ({}) },
  {
    // Public: the link sent to the new address is the credential.
    name: "profile.confirm_email_change",
    input: async () => {
      const owner = await createUser({ role: "staff" });
      const { token, hash } = newToken();
      await getDb()
        .insert(emailChanges)
        .values({ userId: owner.id, newEmail: `changed-${unique()}@test.example`, tokenHash: hash, expiresAt: new Date(Date.now() + 3600_000) });
      return { token };
    },
  },
  // Payments on an invoice (no card provider configured: the built-in paths).
  {
    name: "payments.record",
    input: async () => ({
      invoiceId: (await insertInvoice((await insertClient()).id)).id,
      amount: "25.00",
      method: "bank_transfer",
      receivedOn: "2026-01-05",
      reference: "",
      idempotencyKey: `matrix-${unique()}`,
    }),
  },
  {
    name: "payments.confirm",
    input: async () => {
      const client = await insertClient();
      return { paymentId: (await insertPayment((await insertInvoice(client.id)).id, client.id)).id };
    },
  },
  {
    name: "payments.reject",
    input: async () => {
      const client = await insertClient();
      return { paymentId: (await insertPayment((await insertInvoice(client.id)).id, client.id)).id, reason: "The money never arrived" };
    },
  },
  {
    // A part of a succeeded payment.
    name: "payments.refund",
    input: async () => {
      const client = await insertClient();
      const invoice = await insertInvoice(client.id, { status: "partially_paid", paidMinor: 2_500 });
      return { paymentId: (await insertPayment(invoice.id, client.id, { status: "succeeded" })).id, refundableMinor: 2_500, amount: "10.00" };
    },
  },
  // A failed Stripe event retried from the payments page (one the app ignores, so no Stripe call is needed).
  { name: "payments.retry_stripe_event", input: async () => ({ id: (await insertFailedStripeEvent({ type: "customer.created", object: { id: `cus_${unique()}`, object: "customer" } })).id }) },
  // One's own second factors (every role), the back-office policy and an admin's reset of someone else's.
  { name: "security.start_totp", input: async () => ({ password: TEST_PASSWORD }) },
  {
    name: "security.confirm_totp",
    input: async (actor) => {
      if (!actor) return { code: "123456" };
      const { secret } = await startTotpSetupFor(getDb(), { id: actor.id, role: actor.role }, TEST_PASSWORD);
      return { code: totpCodeAt(secret, new Date()) };
    },
  },
  {
    name: "security.remove_totp",
    input: async (actor) => {
      if (actor) await giveTotp(actor.id);
      return { password: TEST_PASSWORD };
    },
  },
  {
    name: "security.regenerate_recovery_codes",
    input: async (actor) => {
      if (actor) await giveTotp(actor.id);
      return { password: TEST_PASSWORD };
    },
  },
  { name: "security.start_passkey", input: async () => ({ password: TEST_PASSWORD }) },
  {
    name: "security.add_passkey",
    input: async (actor) => {
      if (!actor) return { name: "Laptop", response: "{}" };
      const options = await passkeyRegistrationOptions(getDb(), { id: actor.id, role: actor.role }, TEST_PASSWORD, new Date());
      return { name: "Laptop", response: new SoftAuthenticator(new URL(env().APP_URL).origin).register(options) };
    },
  },
  { name: "security.rename_passkey", input: async (actor) => ({ id: await insertPasskey(actor), name: "Renamed key" }) },
  { name: "security.remove_passkey", input: async (actor) => ({ id: await insertPasskey(actor) }) },
  // "off" on a row that is off: allowed callers succeed without locking the rest of this file out.
  { name: "settings.update_second_factor_policy", input: async () => ({ required: "off" }) },
  { name: "staff.reset_second_factor", input: async () => ({ userId: (await createUser({ role: "staff" })).id }) },
  {
    name: "settings.update",
    input: async () => ({
      companyName: `Acme ${unique()}`,
      companyAddress: "2 Test Road",
      defaultCurrency: "EUR",
      locale: "en-US",
      timeZone: "UTC",
      taxRate: "8.5",
      invoicePrefix: "ACM",
      dueDays: "30",
      senderName: "Acme Billing",
      minPayment: "5.00",
      bankInstructions: "IBAN GB00 TEST",
      cashInstructions: "",
    }),
  },
];

/** A passkey row of the actor's own (or of someone, for the anonymous caller). */
async function insertPasskey(actor: User | null): Promise<number> {
  const owner = actor ?? (await createUser({ role: "staff" }));
  const [res] = await getDb()
    .insert(passkeys)
    .values({ userId: owner.id, credentialId: `matrix-${unique()}`, publicKey: "AA", name: "Matrix key" });
  return res.insertId;
}

const BACK_OFFICE_AREAS = ["clients", "payments", "reminders", "services", "staff", "invites", "profile", "settings", "security"];
// Two-step sign-in settings live beside the profile actions but belong to the
// client portal's work (issue 6), which tests them with their code flow.
const NOT_BACK_OFFICE = new Set(["profile.start_two_factor", "profile.confirm_two_factor", "profile.resend_two_factor"]);

/** Every action exported under lib/actions/<area>/, by name, with its area. */
function discoverActions(): Map<string, { action: AnyAction; area: string }> {
  const found = new Map<string, { action: AnyAction; area: string }>();
  const root = path.join(process.cwd(), "lib", "actions");
  for (const area of readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)) {
    for (const file of readdirSync(path.join(root, area)).filter((f) => f.endsWith(".ts"))) {
      const mod = jest.requireActual(path.join(root, area, file)) as Record<string, unknown>;
      for (const exported of Object.values(mod)) {
        const action = exported as AnyAction;
        if (typeof action === "function" && action.actionName) found.set(action.actionName, { action, area });
      }
    }
  }
  return found;
}
const actions = discoverActions();
const isBackOffice = (name: string) => BACK_OFFICE_AREAS.includes(actions.get(name)!.area) && !NOT_BACK_OFFICE.has(name);
const actionNamed = (name: string) => {
  const found = actions.get(name);
  if (!found) throw new Error(`No action named ${name} under lib/actions`);
  return found.action;
};

beforeAll(async () => {
  await resetDatabase();
  await ensureSettingsRow();
});

describe("the permission matrix covers every action", () => {
  it("finds the actions on disk, and has a case for each back-office one", () => {
    expect(actions.size).toBeGreaterThanOrEqual(60);
    expect(matrix.map((c) => c.name).sort()).toEqual([...actions.keys()].filter(isBackOffice).sort());
  });
});

const cases = matrix.flatMap((c) =>
  [...roles, "anonymous" as const].map((who) => {
    const permission = actionNamed(c.name).permission!;
    const allowed = permission === "public" || (who !== "anonymous" && (permissions[permission] as readonly Role[]).includes(who));
    return { name: c.name, permission, who, allowed, c };
  }),
);

describe("each action as each role", () => {
  it.each(cases)("$name ($permission) as $who → allowed: $allowed", async ({ who, allowed, c }) => {
    const actor = who === "anonymous" ? null : await createUser({ role: who });
    const input = await c.input(actor);
    await actAs(actor);
    const before = allowed ? null : await databaseChecksum();
    const result = await actionNamed(c.name)(undefined, input as never);
    if (allowed) {
      expect(result).toMatchObject({ ok: true, formError: null });
    } else {
      expect(result).toEqual({ ok: false, fieldErrors: {}, formError: who === "anonymous" ? SIGNED_OUT : DENIED });
      expect(await databaseChecksum()).toBe(before);
    }
  });
});

// The rest: each role the permission doesn't name is refused with an empty input, before anything is read.
const refusals = [...actions.entries()]
  .filter(([name, { action }]) => !isBackOffice(name) && action.permission !== "public")
  .flatMap(([name, { action }]) =>
    [...roles, "anonymous" as const]
      .filter((who) => who === "anonymous" || !(permissions[action.permission as Permission] as readonly Role[]).includes(who))
      .map((who) => ({ name, permission: action.permission as Permission, who, action })),
  );

// An action anyone may call, signed in or not: its own input (a password, an emailed token) is the credential.
// Saying so here keeps a permission changed to "public" from passing unseen.
const PUBLIC_ACTIONS = [
  "auth.login",
  "auth.logout",
  "auth.resend_two_factor_code",
  "auth.sign_in_with_passkey",
  "auth.start_passkey",
  "auth.start_passkey_second_step",
  "auth.verify_two_factor",
  "invites.accept",
  // Paying by signed invoice link: the token names the invoice (tests/integration/invoice-link-pay.test.ts).
  "links.pay_invoice",
  "profile.confirm_email_change",
  "profile.request_password_reset",
  "profile.reset_password",
  "signup.complete",
  "signup.start",
];

describe("every other action refuses the roles its permission doesn't name", () => {
  it("only the sign-in, sign-up, reset and emailed-link actions are public", () => {
    expect(
      [...actions.entries()]
        .filter(([, { action }]) => action.permission === "public")
        .map(([name]) => name)
        .sort(),
    ).toEqual(PUBLIC_ACTIONS);
  });

  it("has some to try", () => expect(refusals.length).toBeGreaterThan(20));
  it.each(refusals)("$name ($permission) as $who → refused", async ({ who, action }) => {
    const actor = who === "anonymous" ? null : await createUser({ role: who });
    await actAs(actor);
    const before = await databaseChecksum();
    const result = await action(undefined, {} as never);
    expect(result).toEqual({ ok: false, fieldErrors: {}, formError: who === "anonymous" ? SIGNED_OUT : DENIED });
    expect(await databaseChecksum()).toBe(before);
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

  const held = matrix.flatMap((c) => {
    const permission = actionNamed(c.name).permission!;
    return (["admin", "staff"] as const).filter((who) => permission !== "public" && (permissions[permission] as readonly Role[]).includes(who)).map((who) => ({ name: c.name, permission, who, c }));
  });

  it.each(held)("$name ($permission) as $who without a second factor", async ({ who, permission, c }) => {
    const actor = await createUser({ role: who });
    const input = await c.input(actor);
    await actAs(actor);
    if (permission === "security:self") {
      // Setting one up is exactly what they must be able to do.
      expect(await actionNamed(c.name)(undefined, input as never)).toMatchObject({ ok: true, formError: null });
      return;
    }
    const before = await databaseChecksum();
    expect(await actionNamed(c.name)(undefined, input as never)).toEqual({ ok: false, fieldErrors: {}, formError: SET_UP_SECOND_FACTOR });
    expect(await databaseChecksum()).toBe(before);
  });

  it.each(held.filter((h) => h.permission !== "security:self"))("$name ($permission) as $who with an authenticator app → allowed", async ({ who, c }) => {
    const actor = await createUser({ role: who });
    await giveTotp(actor.id);
    const input = await c.input(actor);
    await actAs(actor);
    expect(await actionNamed(c.name)(undefined, input as never)).toMatchObject({ ok: true, formError: null });
  });
});
