import { eq } from "drizzle-orm";
import { getDb } from "@/db";
import { users } from "@/db/schema";
import { setStaffStatus } from "@/lib/actions/staff/set-staff-status";
import { updateStaff } from "@/lib/actions/staff/update-staff";
import { getCurrentUser } from "@/lib/auth/session";
import { LAST_ADMIN, SMS_SIGN_IN_PHONE, setStaffEnabled } from "@/lib/staff/staff-records";
import { databaseChecksum } from "../support/backoffice";
import { resetDatabase } from "../support/db";
import { createUser } from "../support/factories";
import { actAs } from "../support/request-context";

async function user(id: number) {
  const [row] = await getDb().select({ role: users.role, status: users.status, sessionVersion: users.sessionVersion, name: users.name }).from(users).where(eq(users.id, id));
  return row!;
}

beforeEach(async () => {
  await resetDatabase();
});

describe("the last active admin", () => {
  it("can't disable or demote themselves when they are the only one, and nothing changes", async () => {
    const admin = await createUser({ role: "admin" });
    await createUser({ role: "admin", status: "disabled" });
    await actAs(admin);
    const before = await databaseChecksum();
    expect(await setStaffStatus(undefined, { id: admin.id, enabled: false })).toMatchObject({ ok: false, formError: LAST_ADMIN });
    expect(await updateStaff(undefined, { id: admin.id, name: "Still Admin", phone: "", role: "staff" })).toMatchObject({ ok: false, formError: LAST_ADMIN });
    expect(await databaseChecksum()).toBe(before);
  });

  it("with two admins, one may go; then the other is protected", async () => {
    const a = await createUser({ role: "admin" });
    const b = await createUser({ role: "admin" });
    await actAs(a);
    expect((await updateStaff(undefined, { id: b.id, name: "Bea", phone: "", role: "staff" })).ok).toBe(true);
    expect(await user(b.id)).toMatchObject({ role: "staff", sessionVersion: 2 });
    expect(await setStaffStatus(undefined, { id: a.id, enabled: false })).toMatchObject({ ok: false, formError: LAST_ADMIN });
  });

  it("holds when two admins disable each other at the same moment: exactly one succeeds", async () => {
    const a = await createUser({ role: "admin" });
    const b = await createUser({ role: "admin" });
    const results = await Promise.allSettled([setStaffEnabled(getDb(), b.id, false, a), setStaffEnabled(getDb(), a.id, false, b)]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const statuses = [(await user(a.id)).status, (await user(b.id)).status].sort();
    expect(statuses).toEqual(["active", "disabled"]);
  });
});

describe("disabling and enabling staff", () => {
  it("ends the person's sessions at once, and enabling doesn't bring old sessions back", async () => {
    const admin = await createUser({ role: "admin" });
    const staff = await createUser({ role: "staff" });
    await actAs(staff);
    expect(await getCurrentUser()).toMatchObject({ id: staff.id });

    await actAs(admin);
    expect((await setStaffStatus(undefined, { id: staff.id, enabled: false })).ok).toBe(true);
    await actAs(staff);
    expect(await getCurrentUser()).toBeNull();

    await actAs(admin);
    expect((await setStaffStatus(undefined, { id: staff.id, enabled: true })).ok).toBe(true);
    await actAs(staff);
    expect(await getCurrentUser()).toBeNull();
    await actAs({ ...staff, sessionVersion: 2 });
    expect(await getCurrentUser()).toMatchObject({ id: staff.id });
  });

  it("edits name and phone without ending sessions, and refuses client accounts as if they didn't exist", async () => {
    const admin = await createUser({ role: "admin" });
    const staff = await createUser({ role: "staff" });
    const client = await createUser({ role: "client" });
    await actAs(admin);
    expect((await updateStaff(undefined, { id: staff.id, name: "Sam Renamed", phone: "+1 (415) 555-0199", role: "staff" })).ok).toBe(true);
    expect(await user(staff.id)).toMatchObject({ name: "Sam Renamed", sessionVersion: 1 });
    const [row] = await getDb().select({ phone: users.phone }).from(users).where(eq(users.id, staff.id));
    expect(row!.phone).toBe("+14155550199");
    expect(await updateStaff(undefined, { id: client.id, name: "Hacked", phone: "", role: "admin" })).toMatchObject({ ok: false, formError: "That staff member was not found." });
    expect(await user(client.id)).toMatchObject({ role: "client" });
  });

  it("won't change or clear the phone someone signs in with by text message; any other new phone is unverified", async () => {
    const admin = await createUser({ role: "admin" });
    const smsUser = await createUser({ role: "staff" });
    const verified = new Date("2026-11-01T10:00:00Z");
    await getDb().update(users).set({ phone: "+14155550100", phoneVerifiedAt: verified, twoFactor: "sms" }).where(eq(users.id, smsUser.id));
    await actAs(admin);
    const checksum = await databaseChecksum();
    for (const phone of ["+1 415 555 0111", ""]) {
      expect(await updateStaff(undefined, { id: smsUser.id, name: smsUser.name, phone, role: "staff" })).toMatchObject({
        ok: false,
        formError: SMS_SIGN_IN_PHONE,
        fieldErrors: { phone: ["Used for their sign-in codes"] },
      });
    }
    expect(await databaseChecksum()).toBe(checksum);
    // Their name can still change, and the number stays verified.
    expect((await updateStaff(undefined, { id: smsUser.id, name: "Sms Renamed", phone: "+1 415 555 0100", role: "staff" })).ok).toBe(true);
    expect(await getDb().select({ name: users.name, phoneVerifiedAt: users.phoneVerifiedAt }).from(users).where(eq(users.id, smsUser.id))).toEqual([
      { name: "Sms Renamed", phoneVerifiedAt: verified },
    ]);

    const other = await createUser({ role: "staff" });
    await getDb().update(users).set({ phone: "+14155550102", phoneVerifiedAt: verified }).where(eq(users.id, other.id));
    expect((await updateStaff(undefined, { id: other.id, name: other.name, phone: "+1 415 555 0103", role: "staff" })).ok).toBe(true);
    expect(await getDb().select({ phone: users.phone, phoneVerifiedAt: users.phoneVerifiedAt }).from(users).where(eq(users.id, other.id))).toEqual([{ phone: "+14155550103", phoneVerifiedAt: null }]);
  });
});
