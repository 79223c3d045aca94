import { count } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/db";
import { auditLog, roles, type Role } from "@/db/schema";
import { defineAction, DENIED, SIGNED_OUT } from "@/lib/actions/define-action";
import { permissions, type Permission } from "@/lib/auth/permissions";
import { createUser } from "../support/factories";
import { resetDatabase } from "../support/db";
import { actAs } from "../support/request-context";

// Each probe action writes an audit row when its handler runs, so a denied
// call can be shown to have changed nothing.
function probe(permission: Permission) {
  return defineAction({
    name: `probe.${permission}`,
    permission,
    schema: z.object({ note: z.string().min(1) }),
    async handler({ note }, { user }) {
      await getDb().insert(auditLog).values({ actorUserId: user.id, actorRole: user.role, action: "probe", entityType: "probe", after: { note } });
      return user.role;
    },
  });
}

const auditCount = async () => (await getDb().select({ n: count() }).from(auditLog))[0]!.n;

let actors: Record<Role, Awaited<ReturnType<typeof createUser>>>;

beforeAll(async () => {
  await resetDatabase();
  actors = {
    admin: await createUser({ role: "admin" }),
    staff: await createUser({ role: "staff" }),
    client: await createUser({ role: "client" }),
  };
});

const cases = (Object.keys(permissions) as Permission[]).flatMap((permission) =>
  [...roles, "anonymous" as const].map((who) => ({ permission, who, allowed: who !== "anonymous" && (permissions[permission] as readonly Role[]).includes(who) })),
);

describe("the action builder enforces the permission map on the server", () => {
  it.each(cases)("$permission as $who → allowed: $allowed", async ({ permission, who, allowed }) => {
    await actAs(who === "anonymous" ? null : actors[who]);
    const before = await auditCount();
    const result = await probe(permission)(undefined, { note: "hello" });
    if (allowed) {
      expect(result).toMatchObject({ ok: true, data: who });
      expect(await auditCount()).toBe(before + 1);
    } else {
      expect(result).toEqual({ ok: false, fieldErrors: {}, formError: who === "anonymous" ? SIGNED_OUT : DENIED });
      expect(await auditCount()).toBe(before);
    }
  });

  it("checks permission before parsing, so a denied caller learns nothing about the input rules", async () => {
    await actAs(actors.client);
    const result = await probe("staff:manage")(undefined, { note: "" });
    expect(result.formError).toBe(DENIED);
    expect(result.fieldErrors).toEqual({});
  });

  it("returns field errors, and changes nothing, when an allowed caller sends bad input", async () => {
    await actAs(actors.admin);
    const before = await auditCount();
    const form = new FormData();
    form.set("note", "");
    const result = await probe("staff:manage")(undefined, form);
    expect(result.ok).toBe(false);
    expect(result.fieldErrors.note?.[0]).toBeTruthy();
    expect(await auditCount()).toBe(before);
  });

  it("hides unexpected errors behind a generic message", async () => {
    await actAs(actors.admin);
    const failing = defineAction({
      name: "probe.crash",
      permission: "staff:manage",
      schema: z.object({}),
      async handler() {
        throw new Error("ER_SECRET_INTERNAL: table users column password_hash");
      },
    });
    const spy = jest.spyOn(console, "error").mockImplementation(() => {});
    const result = await failing(undefined, {});
    spy.mockRestore();
    expect(result.ok).toBe(false);
    expect(result.formError).not.toMatch(/password_hash|ER_SECRET/);
  });
});
