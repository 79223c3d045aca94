import { and, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { auditLog, staffInvites, users } from "@/db/schema";
import { DENIED } from "@/lib/actions/define-action";
import { acceptInvite } from "@/lib/actions/invites/accept-invite";
import { decideInvite } from "@/lib/actions/invites/decide-invite";
import { requestInvite } from "@/lib/actions/invites/request-invite";
import { authenticate } from "@/lib/auth/authenticate";
import { databaseChecksum, ensureSettingsRow, insertApprovedInvite, insertPendingInvite, outboxFor, tokenFrom } from "../support/backoffice";
import { resetDatabase } from "../support/db";
import { createUser } from "../support/factories";
import { actAs } from "../support/request-context";
import { revealSecrets } from "../support/secrets";

const PASSWORD = "Joining-Today-2026!";
let admins: Awaited<ReturnType<typeof createUser>>[];
let staff: Awaited<ReturnType<typeof createUser>>;

beforeAll(async () => {
  await resetDatabase();
  await ensureSettingsRow();
  admins = [await createUser({ role: "admin", name: "Alice Admin" }), await createUser({ role: "admin", name: "Bob Admin" })];
  await createUser({ role: "admin", status: "disabled" });
  staff = await createUser({ role: "staff", name: "Sam Staff" });
});

async function invite(id: number) {
  const [row] = await getDb().select().from(staffInvites).where(eq(staffInvites.id, id));
  return row!;
}

async function auditActions(inviteId: number) {
  const rows = await getDb()
    .select({ action: auditLog.action })
    .from(auditLog)
    .where(and(eq(auditLog.entityType, "staff_invite"), eq(auditLog.entityId, inviteId)))
    .orderBy(auditLog.id);
  return rows.map((r) => r.action);
}

/** Staff requests an invite; returns the invite id and the token from the admins' email. */
async function requested(email: string) {
  await actAs(staff);
  const result = await requestInvite(undefined, { email, name: "Nora New" });
  expect(result.ok).toBe(true);
  const id = result.data!.id;
  const emails = await outboxFor({ type: "staff_invite", id });
  const approveUrl = revealSecrets(emails[0]!).data.approveUrl as string;
  return { id, emails, token: tokenFrom(approveUrl, /\/invites\/([^/]+)\/approve$/) };
}

describe("staff invites, approved by email", () => {
  it("approve: every active admin is emailed; an admin approves from the link; the invitee sets a password and can sign in", async () => {
    const { id, emails, token } = await requested("nora@test.example");
    expect(emails.map((e) => e.to[0]).sort()).toEqual(admins.map((a) => a.email).sort());
    expect(emails[0]!.text).toContain("Sam Staff");
    const data = revealSecrets(emails[0]!).data as { approveUrl: string; rejectUrl: string };
    expect(data.rejectUrl).toBe(data.approveUrl.replace(/approve$/, "reject"));
    // Only the hash is stored.
    expect((await invite(id)).decisionTokenHash).not.toContain(token);

    await actAs(admins[1]!);
    expect(await decideInvite(undefined, { token, decision: "approve" })).toMatchObject({ ok: true, data: { status: "approved" } });
    const approved = await invite(id);
    expect(approved).toMatchObject({ status: "approved", decidedBy: admins[1]!.id });
    const hours = (approved.expiresAt!.getTime() - Date.now()) / 3_600_000;
    expect(hours).toBeGreaterThan(71.9);
    expect(hours).toBeLessThanOrEqual(72);

    const acceptEmail = (await outboxFor({ type: "staff_invite", id })).find((m) => m.template === "staff_invite_accept")!;
    expect(acceptEmail.to).toEqual(["nora@test.example"]);
    const acceptToken = tokenFrom(revealSecrets(acceptEmail).data.acceptUrl as string, /\/invites\/accept\/([^/]+)$/);

    await actAs(null);
    expect(await acceptInvite(undefined, { token: acceptToken, password: PASSWORD, confirmPassword: PASSWORD })).toMatchObject({ ok: true });
    const [user] = await getDb().select().from(users).where(eq(users.email, "nora@test.example"));
    expect(user).toMatchObject({ role: "staff", status: "active", name: "Nora New" });
    expect(await authenticate(getDb(), "nora@test.example", PASSWORD, "10.9.9.1")).toMatchObject({ ok: true, user: { role: "staff" } });
    expect(await invite(id)).toMatchObject({ status: "accepted", acceptedUserId: user!.id });
    expect(await auditActions(id)).toEqual(["staff_invite.request", "staff_invite.approve", "staff_invite.accept"]);
  });

  it("reject: the invite closes, nobody is emailed, and the approve link stops working", async () => {
    const { id, token } = await requested("rita@test.example");
    await actAs(admins[0]!);
    expect(await decideInvite(undefined, { token, decision: "reject" })).toMatchObject({ ok: true, data: { status: "rejected" } });
    expect((await outboxFor({ type: "staff_invite", id })).filter((m) => m.template === "staff_invite_accept")).toHaveLength(0);
    const before = await databaseChecksum();
    const again = await decideInvite(undefined, { token, decision: "approve" });
    expect(again).toMatchObject({ ok: false, formError: expect.stringContaining("already rejected") });
    expect(await databaseChecksum()).toBe(before);
    expect(await auditActions(id)).toEqual(["staff_invite.request", "staff_invite.reject"]);
  });

  it("a decision link works once: reusing it changes nothing", async () => {
    const { token } = await requested("uma@test.example");
    await actAs(admins[0]!);
    expect((await decideInvite(undefined, { token, decision: "approve" })).ok).toBe(true);
    const before = await databaseChecksum();
    expect(await decideInvite(undefined, { token, decision: "approve" })).toMatchObject({ ok: false, formError: expect.stringContaining("already approved") });
    expect(await decideInvite(undefined, { token, decision: "reject" })).toMatchObject({ ok: false });
    expect(await databaseChecksum()).toBe(before);
  });

  it("a tampered token is refused and changes nothing", async () => {
    const { id, token } = await requested("tom@test.example");
    const tampered = `${token.slice(0, -1)}${token.endsWith("A") ? "B" : "A"}`;
    await actAs(admins[0]!);
    const before = await databaseChecksum();
    expect(await decideInvite(undefined, { token: tampered, decision: "approve" })).toMatchObject({ ok: false, formError: expect.stringContaining("isn't valid") });
    expect(await acceptInvite(undefined, { token: tampered, password: PASSWORD, confirmPassword: PASSWORD })).toMatchObject({ ok: false, formError: expect.stringContaining("isn't valid") });
    // A decision token is no set-password token either.
    expect(await acceptInvite(undefined, { token, password: PASSWORD, confirmPassword: PASSWORD })).toMatchObject({ ok: false });
    expect(await databaseChecksum()).toBe(before);
    expect((await invite(id)).status).toBe("pending_approval");
  });

  it("a staff member holding the link can't approve it", async () => {
    const { id, token } = await requested("sly@test.example");
    await actAs(staff);
    const before = await databaseChecksum();
    expect(await decideInvite(undefined, { token, decision: "approve" })).toEqual({ ok: false, fieldErrors: {}, formError: DENIED });
    expect(await decideInvite(undefined, { inviteId: id, decision: "approve" })).toEqual({ ok: false, fieldErrors: {}, formError: DENIED });
    expect(await databaseChecksum()).toBe(before);
  });

  it("an expired decision link changes nothing", async () => {
    const { token, id } = await insertPendingInvite(staff.id, { decisionExpiresAt: new Date(Date.now() - 1000) });
    await actAs(admins[0]!);
    const before = await databaseChecksum();
    expect(await decideInvite(undefined, { token, decision: "approve" })).toMatchObject({ ok: false, formError: expect.stringContaining("expired") });
    expect(await databaseChecksum()).toBe(before);
    expect((await invite(id)).status).toBe("pending_approval");
  });

  it("an expired set-password link changes nothing; a used one can't be used again", async () => {
    const expired = await insertApprovedInvite(admins[0]!.id, { expiresAt: new Date(Date.now() - 1000) });
    await actAs(null);
    const before = await databaseChecksum();
    expect(await acceptInvite(undefined, { token: expired.token, password: PASSWORD, confirmPassword: PASSWORD })).toMatchObject({ ok: false, formError: expect.stringContaining("expired") });
    expect(await databaseChecksum()).toBe(before);

    const fresh = await insertApprovedInvite(admins[0]!.id);
    expect((await acceptInvite(undefined, { token: fresh.token, password: PASSWORD, confirmPassword: PASSWORD })).ok).toBe(true);
    const afterFirst = await databaseChecksum();
    expect(await acceptInvite(undefined, { token: fresh.token, password: "Another-Pass-99!", confirmPassword: "Another-Pass-99!" })).toMatchObject({
      ok: false,
      formError: expect.stringContaining("already used"),
    });
    expect(await databaseChecksum()).toBe(afterFirst);
  });

  it("refuses a password made of the invitee's own email, as every other password form does", async () => {
    const invited = await insertApprovedInvite(admins[0]!.id);
    const weak = `${invited.email.split("@")[0]!.replace(/^i/, "I")}-2026!`;
    await actAs(null);
    const before = await databaseChecksum();
    expect(await acceptInvite(undefined, { token: invited.token, password: weak, confirmPassword: weak })).toMatchObject({
      ok: false,
      fieldErrors: { password: ["Don't include your email address"] },
    });
    expect(await databaseChecksum()).toBe(before);
  });

  it("refuses a request for an email that already has an account or an open invite", async () => {
    await actAs(staff);
    expect(await requestInvite(undefined, { email: admins[0]!.email, name: "Dup" })).toMatchObject({ ok: false, fieldErrors: { email: [expect.any(String)] } });
    await requested("open@test.example");
    expect(await requestInvite(undefined, { email: "open@test.example", name: "Dup" })).toMatchObject({ ok: false, fieldErrors: { email: [expect.any(String)] } });
  });

  it("an admin can also decide from the list in the app, once", async () => {
    const { id } = await requested("list@test.example");
    await actAs(admins[0]!);
    expect((await decideInvite(undefined, { inviteId: id, decision: "approve" })).ok).toBe(true);
    expect((await decideInvite(undefined, { inviteId: id, decision: "reject" })).ok).toBe(false);
  });
});
