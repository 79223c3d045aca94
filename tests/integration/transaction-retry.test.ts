import { and, count, eq, like } from "drizzle-orm";
import { getDb } from "@/db";
import { auditLog, clients, outbox, settings } from "@/db/schema";
import { SYSTEM_ACTOR, writeAudit } from "@/lib/audit";
import { enqueue } from "@/lib/notify/enqueue";
import { inTransaction } from "@/lib/transaction";
import { insertClient } from "../support/backoffice";
import { resetDatabase } from "../support/db";
import { smsInput } from "../support/outbox";

// inTransaction reruns a transaction the database rolled back for a
// deadlock (1213: what InnoDB answers two transactions that wait on each
// other, and what a Galera cluster answers two nodes that changed the same
// row) or a lock wait timeout (1205). A rerun starts from nothing, so its
// audit rows and outbox messages are written once, never twice.

let a = 0;
let b = 0;

beforeAll(async () => {
  await resetDatabase();
  await getDb().insert(settings).values({ id: 1, companyName: "Acme Plumbing", companyAddress: "1 Main St", senderName: "Acme" });
  a = (await insertClient({ name: "Row A" })).id;
  b = (await insertClient({ name: "Row B" })).id;
});

/** A promise with its resolve, to wait on events, not on time. */
function signal() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

const lockClient = (tx: Parameters<Parameters<typeof inTransaction>[1]>[0], id: number) => tx.select({ id: clients.id }).from(clients).where(eq(clients.id, id)).for("update");

describe("inTransaction", () => {
  it("reruns the victim of a real deadlock, and each side's audit row and message are written once", async () => {
    const locked = { a: signal(), b: signal() };
    const runs = { first: 0, second: 0 };
    const side = (name: "first" | "second", mine: number, theirs: number, mineLocked: () => void, theirsLocked: Promise<void>) =>
      inTransaction(getDb(), async (tx) => {
        runs[name]++;
        await lockClient(tx, mine);
        mineLocked();
        // Both hold one row and ask for the other's: InnoDB rolls one back with 1213.
        await theirsLocked;
        await lockClient(tx, theirs);
        await writeAudit(tx, { actor: SYSTEM_ACTOR, action: "test.deadlock", entityType: "client", entityId: mine, after: { side: name } });
        await enqueue(tx, smsInput({ idempotencyKey: `deadlock:${name}` }));
        return name;
      });
    const results = await Promise.all([side("first", a, b, locked.a.resolve, locked.b.promise), side("second", b, a, locked.b.resolve, locked.a.promise)]);

    expect(results).toEqual(["first", "second"]);
    // One side ran once, the deadlock's victim twice.
    expect([runs.first, runs.second].sort()).toEqual([1, 2]);
    const audits = await getDb().select({ after: auditLog.after }).from(auditLog).where(eq(auditLog.action, "test.deadlock"));
    expect(audits.map((r) => (r.after as { side: string }).side).sort()).toEqual(["first", "second"]);
    const [messages] = await getDb().select({ n: count() }).from(outbox).where(like(outbox.idempotencyKey, "deadlock:%"));
    expect(messages!.n).toBe(2);
  });

  it("reruns a lock wait timeout and gives up after the bound, writing nothing", async () => {
    let calls = 0;
    const timeout = Object.assign(new Error("Lock wait timeout exceeded; try restarting transaction"), { errno: 1205 });
    await expect(
      inTransaction(
        getDb(),
        async (tx) => {
          calls++;
          await writeAudit(tx, { actor: SYSTEM_ACTOR, action: "test.timeout", entityType: "client", entityId: a });
          throw timeout;
        },
        { attempts: 3 },
      ),
    ).rejects.toBe(timeout);
    expect(calls).toBe(3);
    const [written] = await getDb().select({ n: count() }).from(auditLog).where(eq(auditLog.action, "test.timeout"));
    expect(written!.n).toBe(0);
  });

  it("passes any other error on at once, and joins a transaction it is given instead of opening its own", async () => {
    let calls = 0;
    const refused = new Error("not retryable");
    await expect(
      inTransaction(getDb(), async () => {
        calls++;
        throw refused;
      }),
    ).rejects.toBe(refused);
    expect(calls).toBe(1);

    await expect(
      inTransaction(getDb(), async (outer) => {
        await inTransaction(outer, (inner) => writeAudit(inner, { actor: SYSTEM_ACTOR, action: "test.nested", entityType: "client", entityId: b }));
        throw refused;
      }),
    ).rejects.toBe(refused);
    const [nested] = await getDb()
      .select({ n: count() })
      .from(auditLog)
      .where(and(eq(auditLog.action, "test.nested"), eq(auditLog.entityId, b)));
    expect(nested!.n).toBe(0);
  });
});
