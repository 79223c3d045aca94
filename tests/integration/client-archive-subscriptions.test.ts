import { and, eq, inArray } from "drizzle-orm";
import { getDb, getPool } from "@/db";
import { auditLog, clients, invoices, services, subscriptions } from "@/db/schema";
import { DENIED } from "@/lib/actions/define-action";
import { archiveClient } from "@/lib/actions/clients/archive-client";
import { restoreClient } from "@/lib/actions/clients/restore-client";
import { SYSTEM_ACTOR } from "@/lib/audit";
import { runBilling } from "@/lib/billing/run";
import { databaseChecksum } from "../support/backoffice";
import { resetDatabase } from "../support/db";
import { createUser } from "../support/factories";
import { createClient, ensureSettings } from "../support/invoices";
import { actAs } from "../support/request-context";

// Archiving a client ends its subscriptions in the same transaction, so the
// billing run stops invoicing it; restoring doesn't start them again.

const TODAY = "2026-03-20";

async function subscribe(clientId: number, status: "active" | "paused" | "cancelled" = "active") {
  const [service] = await getDb()
    .insert(services)
    .values({ name: `Retainer ${status}`, priceMinor: 99_00, currency: "USD", interval: "monthly" })
    .$returningId();
  const [sub] = await getDb()
    .insert(subscriptions)
    .values({
      clientId,
      serviceId: service!.id,
      priceMinor: 99_00,
      currency: "USD",
      interval: "monthly",
      status,
      paymentMethod: "card",
      startedAt: new Date("2026-01-10T10:00:00Z"),
      // The period before TODAY's: billing would roll it forward and invoice.
      currentPeriodStart: "2026-02-10",
      currentPeriodEnd: "2026-03-09",
      cancelledAt: status === "cancelled" ? new Date("2026-02-01T09:00:00Z") : null,
    })
    .$returningId();
  return sub!.id;
}

const subsOf = (clientId: number) => getDb().select().from(subscriptions).where(eq(subscriptions.clientId, clientId)).orderBy(subscriptions.id);
const auditFor = (entityType: string, ids: number[]) =>
  getDb()
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entityType, entityType), inArray(auditLog.entityId, ids)))
    .orderBy(auditLog.id);
const clientRow = async (id: number) => (await getDb().select().from(clients).where(eq(clients.id, id)))[0]!;

let admin: Awaited<ReturnType<typeof createUser>>;

beforeAll(async () => {
  await resetDatabase();
  await ensureSettings();
  admin = await createUser({ role: "admin" });
});

describe("archiving a client with subscriptions", () => {
  it("ends the active ones (one audit row each), leaves the cancelled one and other clients alone, and billing skips the client", async () => {
    const client = await createClient({ name: "Archived With Subs" });
    const bystander = await createClient({ name: "Keeps Billing" });
    const [a, b, done] = [await subscribe(client.id), await subscribe(client.id), await subscribe(client.id, "cancelled")];
    const other = await subscribe(bystander.id);
    const [doneBefore] = await getDb().select().from(subscriptions).where(eq(subscriptions.id, done));

    await actAs(admin);
    expect(await archiveClient(undefined, { id: client.id })).toMatchObject({ ok: true });

    const { archivedAt } = await clientRow(client.id);
    expect(archivedAt).toBeInstanceOf(Date);
    const after = await subsOf(client.id);
    expect(after.find((s) => s.id === a)).toMatchObject({ status: "cancelled", cancelledAt: archivedAt });
    expect(after.find((s) => s.id === b)).toMatchObject({ status: "cancelled", cancelledAt: archivedAt });
    expect(after.find((s) => s.id === done)).toEqual(doneBefore);
    expect((await subsOf(bystander.id))[0]).toMatchObject({ id: other, status: "active", cancelledAt: null });

    const subAudit = await auditFor("subscription", [a, b, done, other]);
    expect(subAudit.map((r) => [r.entityId, r.action, r.actorUserId])).toEqual([
      [a, "subscription.cancel", admin.id],
      [b, "subscription.cancel", admin.id],
    ]);
    expect(subAudit[0]!.after).toMatchObject({ status: "cancelled", reason: "client_archived" });
    expect((await auditFor("client", [client.id])).map((r) => r.action)).toEqual(["client.archive"]);

    const run = await runBilling(getDb(), { actor: SYSTEM_ACTOR, today: TODAY });
    expect(await getDb().select().from(invoices).where(eq(invoices.clientId, client.id))).toHaveLength(0);
    expect(run.created).toBe(1);
    expect(await getDb().select({ id: invoices.id }).from(invoices).where(eq(invoices.subscriptionId, other))).toHaveLength(1);
  });

  it("billing skips a subscription still active on an archived client (archived before subscriptions were ended)", async () => {
    const client = await createClient({ name: "Legacy Archived", archived: true });
    const sub = await subscribe(client.id);
    const run = await runBilling(getDb(), { actor: SYSTEM_ACTOR, today: TODAY });
    expect(run.skipped).toEqual([]);
    expect(await getDb().select().from(invoices).where(eq(invoices.clientId, client.id))).toHaveLength(0);
    expect((await subsOf(client.id))[0]).toMatchObject({ id: sub, status: "active", currentPeriodStart: "2026-02-10" });
  });

  it("restoring the client leaves the ended subscriptions ended", async () => {
    const client = await createClient({ name: "Restored Later" });
    const sub = await subscribe(client.id);
    await actAs(admin);
    expect(await archiveClient(undefined, { id: client.id })).toMatchObject({ ok: true });
    expect(await restoreClient(undefined, { id: client.id })).toMatchObject({ ok: true });
    expect((await clientRow(client.id)).archivedAt).toBeNull();
    expect((await subsOf(client.id))[0]).toMatchObject({ id: sub, status: "cancelled" });
    await runBilling(getDb(), { actor: SYSTEM_ACTOR, today: TODAY });
    expect(await getDb().select().from(invoices).where(eq(invoices.clientId, client.id))).toHaveLength(0);
  });

  it("rolls back the archive and every subscription change when a write inside the transaction fails", async () => {
    const client = await createClient({ name: "Rolled Back" });
    const first = await subscribe(client.id);
    const second = await subscribe(client.id);
    // The second subscription's audit row fails, after the client row, its audit row and the first subscription's changes.
    await getPool().query(
      `CREATE TRIGGER test_fail_archive_audit BEFORE INSERT ON audit_log FOR EACH ROW
       IF NEW.action = 'subscription.cancel' AND NEW.entity_id = ${second} THEN SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'test: audit write failed'; END IF`,
    );
    const logged = jest.spyOn(console, "error").mockImplementation(() => {});
    try {
      const before = await databaseChecksum();
      await actAs(admin);
      const result = await archiveClient(undefined, { id: client.id });
      expect(result).toMatchObject({ ok: false });
      expect(logged).toHaveBeenCalledWith("[action clients.archive] failed", expect.anything());
      expect(result.formError).not.toContain("test: audit write failed");
      expect(await databaseChecksum()).toBe(before);
      expect((await clientRow(client.id)).archivedAt).toBeNull();
      expect((await subsOf(client.id)).map((s) => [s.id, s.status, s.cancelledAt])).toEqual([
        [first, "active", null],
        [second, "active", null],
      ]);
    } finally {
      logged.mockRestore();
      await getPool().query("DROP TRIGGER IF EXISTS test_fail_archive_audit");
    }
  });

  it("staff can't archive: refused, and the client and its subscriptions stay as they were", async () => {
    const client = await createClient({ name: "Staff Tried" });
    await subscribe(client.id);
    const staff = await createUser({ role: "staff" });
    const before = await databaseChecksum();
    await actAs(staff);
    expect(await archiveClient(undefined, { id: client.id })).toEqual({ ok: false, fieldErrors: {}, formError: DENIED });
    expect(await databaseChecksum()).toBe(before);
  });
});
