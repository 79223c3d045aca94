import { eq, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { users } from "@/db/schema";
import { getCurrentUser } from "@/lib/auth/session";
import { createUser } from "../support/factories";
import { resetDatabase } from "../support/db";
import { actAs } from "../support/request-context";

beforeAll(async () => {
  await resetDatabase();
});

describe("sessions carry session_version", () => {
  it("recognises a valid signed session", async () => {
    const staff = await createUser({ role: "staff" });
    await actAs(staff);
    expect(await getCurrentUser()).toMatchObject({ id: staff.id, role: "staff", email: staff.email });
  });

  it("treats a session as signed out once session_version moves on (password or role change)", async () => {
    const staff = await createUser({ role: "staff" });
    await actAs(staff);
    await getDb()
      .update(users)
      .set({ sessionVersion: sql`${users.sessionVersion} + 1` })
      .where(eq(users.id, staff.id));
    expect(await getCurrentUser()).toBeNull();
    // A session issued with the new version works.
    await actAs({ ...staff, sessionVersion: 2 });
    expect(await getCurrentUser()).toMatchObject({ id: staff.id });
  });

  it("treats a disabled user's session as signed out at once", async () => {
    const staff = await createUser({ role: "staff" });
    await actAs(staff);
    await getDb().update(users).set({ status: "disabled" }).where(eq(users.id, staff.id));
    expect(await getCurrentUser()).toBeNull();
  });

  it("reads the role from the database, not from the cookie", async () => {
    const staff = await createUser({ role: "staff" });
    await actAs({ ...staff, role: "admin" });
    expect(await getCurrentUser()).toMatchObject({ id: staff.id, role: "staff" });
  });

  it("rejects a session cookie signed with another secret", async () => {
    const staff = await createUser({ role: "staff" });
    const secret = process.env.AUTH_SECRET;
    process.env.AUTH_SECRET = "another-secret-another-secret-another-secret";
    await actAs(staff);
    process.env.AUTH_SECRET = secret;
    const quiet = jest.spyOn(console, "error").mockImplementation(() => {});
    expect(await getCurrentUser()).toBeNull();
    quiet.mockRestore();
  });
});
