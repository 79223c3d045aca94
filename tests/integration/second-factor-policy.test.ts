import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { auditLog, passkeys, recoveryCodes, settings, users, type Role } from "@/db/schema";
import { navFor } from "@/components/shell/nav-config";
import { RoleLayout } from "@/components/shell/role-layout";
import { confirmTotpSetup } from "@/lib/actions/security/confirm-totp-setup";
import { startTotpSetup } from "@/lib/actions/security/start-totp-setup";
import { setSecondFactorPolicy } from "@/lib/actions/settings/set-second-factor-policy";
import { resetSecondFactor } from "@/lib/actions/staff/reset-second-factor";
import { getCurrentUser, SECOND_FACTOR_SETUP_PATH } from "@/lib/auth/session";
import { canReadInvoice } from "@/lib/invoices/access";
import { totpCodeAt } from "@/lib/second-factor/totp";
import { redirectOf } from "../support/actions";
import { ensureSettingsRow, insertClient, insertInvoice } from "../support/backoffice";
import { resetDatabase } from "../support/db";
import { createUser, TEST_PASSWORD } from "../support/factories";
import { actAs } from "../support/request-context";
import { emailsTo, giveRecoveryCodes, giveTotp } from "../support/second-factors";

// The back-office policy on pages and route handlers (the actions are in
// backoffice-permissions.test.ts): an admin or staff member without an app or
// passkey is sent to set one up from every page of their area, and every
// API route answers them 404, as if they had no permission.

type PageModule = { default: (props: { params: Promise<Record<string, string>>; searchParams: Promise<Record<string, string>> }) => Promise<unknown> };

const groupOf: Record<Role, string> = { admin: "(admin)", staff: "(staff)", client: "(client)" };

function pageFile(role: Role, href: string): string {
  return path.join(process.cwd(), "app", groupOf[role], href, "page.tsx");
}

async function renderPage(role: Role, href: string): Promise<unknown> {
  const mod = jest.requireActual(pageFile(role, href)) as PageModule;
  return mod.default({ params: Promise.resolve({}), searchParams: Promise.resolve({}) });
}

// Every back-office API route on disk that takes no record id (sign-in and
// webhooks are public); the ones that do (invoice PDF, payment receipt) go
// through canReadInvoice/canReadPayment, tested below.
function apiRoutes(dir = path.join(process.cwd(), "app", "api"), prefix = ""): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (!entry.isDirectory()) return entry.name === "route.ts" ? [prefix.replace(/\/$/, "")] : [];
    return apiRoutes(path.join(dir, entry.name), `${prefix}${entry.name}/`);
  });
}
const routeFiles = apiRoutes().filter((r) => !r.startsWith("auth/") && !r.startsWith("webhooks/") && !r.includes("["));

async function callRoute(route: string, id = 1): Promise<number> {
  const mod = jest.requireActual(path.join(process.cwd(), "app", "api", route, "route.ts")) as { GET: (req: Request, ctx: { params: Promise<{ id: string }> }) => Promise<Response> };
  const url = `http://localhost:3000/api/${route.replace("[id]", String(id))}?q=a&ids=not-an-id`;
  const res = await mod.GET(new Request(url), { params: Promise.resolve({ id: String(id) }) });
  return res.status;
}

beforeAll(async () => {
  await resetDatabase();
  await ensureSettingsRow();
  jest.spyOn(console, "error").mockImplementation(() => {});
});

async function policy(on: boolean) {
  await getDb().update(settings).set({ requireBackOfficeSecondFactor: on }).where(eq(settings.id, 1));
}

describe("turning the policy on", () => {
  afterAll(() => policy(false));

  it("an admin must have an app or passkey first, so the setting can't lock out the person who set it; the change is audited", async () => {
    const admin = await createUser({ role: "admin" });
    await actAs(admin);
    expect(await setSecondFactorPolicy(undefined, { required: "on" })).toMatchObject({ ok: false, formError: expect.stringContaining("Set up your own authenticator app or passkey first") });
    await giveTotp(admin.id);
    expect(await setSecondFactorPolicy(undefined, { required: "on" })).toMatchObject({ ok: true });
    const [row] = await getDb().select({ on: settings.requireBackOfficeSecondFactor }).from(settings).where(eq(settings.id, 1));
    expect(row!.on).toBe(true);
    const audit = await getDb().select({ after: auditLog.after }).from(auditLog).where(eq(auditLog.action, "settings.second_factor_policy"));
    expect(audit).toEqual([{ after: { requireBackOfficeSecondFactor: true } }]);
  });
});

describe("with the policy on, a back-office user without a second factor", () => {
  beforeAll(() => policy(true));
  afterAll(() => policy(false));

  const pages = (["admin", "staff"] as const).flatMap((role) => [...navFor[role].map((n) => n.href), `/${role}/profile`].map((href) => ({ role, href })));

  it("finds the API routes to try", () => {
    expect(routeFiles).toEqual(expect.arrayContaining(["invoices/summary", "invoices/zip", "clients/export"]));
  });

  it("every nav page exists as a file", () => {
    for (const { role, href } of pages) expect(existsSync(pageFile(role, href))).toBe(true);
  });

  it.each(pages)("is sent from $href to set one up", async ({ role, href }) => {
    const user = await createUser({ role });
    await actAs(user);
    expect(await getCurrentUser()).toMatchObject({ mustSetUpSecondFactor: true });
    expect(await redirectOf(renderPage(role, href))).toBe(SECOND_FACTOR_SETUP_PATH);
  });

  it.each(["admin", "staff"] as const)("the %s area's layout sends them to set one up too", async (role) => {
    const user = await createUser({ role });
    await actAs(user);
    expect(await redirectOf(RoleLayout({ role, children: null }))).toBe(SECOND_FACTOR_SETUP_PATH);
  });

  it.each(routeFiles)("gets 404 from /api/%s, where an admin with an app gets an answer", async (route) => {
    const held = await createUser({ role: "admin" });
    await actAs(held);
    expect(await callRoute(route)).toBe(404);
    const compliant = await createUser({ role: "admin" });
    await giveTotp(compliant.id);
    await actAs(compliant);
    expect(await callRoute(route)).not.toBe(404);
  });

  it("can't read an invoice's PDF or a payment's receipt, which staff with an app can", async () => {
    const invoice = await insertInvoice((await insertClient()).id, { status: "sent" });
    const held = await createUser({ role: "staff" });
    await actAs(held);
    expect(await canReadInvoice(invoice.id)).toBe(false);
    expect(await callRoute("invoices/[id]/pdf", invoice.id)).toBe(404);
    const compliant = await createUser({ role: "staff" });
    await giveTotp(compliant.id);
    await actAs(compliant);
    expect(await canReadInvoice(invoice.id)).toBe(true);
  });

  it("once they set up an app, the same pages and routes open", async () => {
    const user = await createUser({ role: "staff" });
    await actAs(user);
    expect(await redirectOf(renderPage("staff", "/staff/clients"))).toBe(SECOND_FACTOR_SETUP_PATH);
    const { secret } = (await startTotpSetup(undefined, { password: TEST_PASSWORD })).data!;
    expect(await confirmTotpSetup(undefined, { code: totpCodeAt(secret, new Date()) })).toMatchObject({ ok: true });
    await actAs(user);
    expect(await getCurrentUser()).toMatchObject({ mustSetUpSecondFactor: false });
    await expect(renderPage("staff", "/staff/clients")).resolves.toBeTruthy();
    expect(await callRoute("invoices/client-options")).toBe(200);
  });

  it("a passkey counts as a second factor too", async () => {
    const user = await createUser({ role: "admin" });
    await getDb()
      .insert(passkeys)
      .values({ userId: user.id, credentialId: `policy-${user.id}`, publicKey: "AA", name: "Key" });
    await actAs(user);
    expect(await getCurrentUser()).toMatchObject({ mustSetUpSecondFactor: false });
    expect(await callRoute("invoices/summary")).toBe(200);
  });

  it("texted codes don't count, and clients are not held back", async () => {
    const staff = await createUser({ role: "staff" });
    await getDb().update(users).set({ twoFactor: "sms", phone: "+14155550199", phoneVerifiedAt: new Date() }).where(eq(users.id, staff.id));
    await actAs(staff);
    expect(await getCurrentUser()).toMatchObject({ mustSetUpSecondFactor: true });
    const client = await createUser({ role: "client" });
    await actAs(client);
    expect(await getCurrentUser()).toMatchObject({ mustSetUpSecondFactor: false });
  });
});

describe("an admin resetting someone's second factor", () => {
  it("removes their app, passkeys and recovery codes, ends their sessions, audits it and emails them", async () => {
    const admin = await createUser({ role: "admin" });
    const staff = await createUser({ role: "staff" });
    await giveTotp(staff.id);
    await giveRecoveryCodes(staff.id);
    await getDb()
      .insert(passkeys)
      .values({ userId: staff.id, credentialId: `reset-${staff.id}`, publicKey: "AA", name: "Key" });
    await actAs(staff);
    expect(await getCurrentUser()).toMatchObject({ id: staff.id });

    await actAs(admin, "192.0.2.77");
    expect(await resetSecondFactor(undefined, { userId: String(staff.id) })).toMatchObject({ ok: true });
    const [row] = await getDb().select({ twoFactor: users.twoFactor, totpSecret: users.totpSecret, sessionVersion: users.sessionVersion }).from(users).where(eq(users.id, staff.id));
    expect(row).toEqual({ twoFactor: "none", totpSecret: null, sessionVersion: 2 });
    expect(await getDb().select().from(passkeys).where(eq(passkeys.userId, staff.id))).toHaveLength(0);
    expect(await getDb().select().from(recoveryCodes).where(eq(recoveryCodes.userId, staff.id))).toHaveLength(0);
    const audit = await getDb()
      .select({ actor: auditLog.actorUserId, before: auditLog.before, ip: auditLog.ip })
      .from(auditLog)
      .where(and(eq(auditLog.action, "user.second_factor_reset"), eq(auditLog.entityId, staff.id)));
    expect(audit).toEqual([{ actor: admin.id, before: { twoFactor: "totp", passkeys: 1, recoveryCodes: 10 }, ip: "192.0.2.77" }]);
    const mail = await emailsTo(staff.email, "second_factor_reset");
    expect(mail).toHaveLength(1);
    expect(mail[0]!.templateData).toMatchObject({ resetBy: admin.name });
    // Their old session is over.
    await actAs(staff);
    expect(await getCurrentUser()).toBeNull();
  });

  it("can't be used on oneself", async () => {
    const admin = await createUser({ role: "admin" });
    await actAs(admin);
    expect(await resetSecondFactor(undefined, { userId: String(admin.id) })).toMatchObject({ ok: false, formError: "Change your own sign-in security from your profile." });
  });
});
