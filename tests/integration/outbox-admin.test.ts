import { and, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { auditLog, outbox } from "@/db/schema";
import { getOutboxMessage, listMessagesFor, listMessagesForClient, listOutbox } from "@/db/queries/outbox";
import { retryMessage } from "@/lib/actions/outbox/retry-message";
import { DENIED } from "@/lib/actions/define-action";
import { enqueue } from "@/lib/notify/enqueue";
import { captureProvider } from "@/lib/notify/providers/capture";
import { createWorker } from "@/lib/notify/worker";
import { resetDatabase } from "../support/db";
import { createUser } from "../support/factories";
import { drain, emailInput, enqueueCommitted, getMessage, smsInput } from "../support/outbox";
import { actAs } from "../support/request-context";

let admin: Awaited<ReturnType<typeof createUser>>;
let staff: Awaited<ReturnType<typeof createUser>>;

beforeAll(async () => {
  await resetDatabase();
  admin = await createUser({ role: "admin" });
  staff = await createUser({ role: "staff" });
});

const setStatus = (id: number, status: "dead" | "failed" | "sent", attempts = 6) =>
  getDb()
    .update(outbox)
    .set({ status, attempts, lastError: status === "sent" ? null : "Resend: down (HTTP 500)" })
    .where(eq(outbox.id, id));

describe("Retry now", () => {
  it("puts a dead message back in the queue, due now, with a fresh set of attempts, and audits it", async () => {
    const { id } = await enqueueCommitted(emailInput());
    await setStatus(id, "dead");
    await actAs(admin);
    const result = await retryMessage(undefined, { id });
    expect(result).toMatchObject({ ok: true, data: { id } });
    const row = await getMessage(id);
    expect(row).toMatchObject({ status: "queued", attempts: 0, lastError: "Resend: down (HTTP 500)" });
    expect(row.nextAttemptAt.getTime()).toBeLessThanOrEqual(Date.now() + 1000);
    const [audit] = await getDb()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "outbox.retry"), eq(auditLog.entityId, id)));
    expect(audit).toMatchObject({ actorUserId: admin.id, entityType: "outbox", before: { status: "dead", attempts: 6 }, after: { status: "queued", attempts: 0 } });
    // The next round sends it.
    expect(await drain(createWorker({ workerId: "after-retry", providers: { email: captureProvider, sms: captureProvider } }))).toBeGreaterThanOrEqual(1);
    expect((await getMessage(id)).status).toBe("captured");
  });

  it("refuses to retry a message that was sent, and a message that doesn't exist", async () => {
    const { id } = await enqueueCommitted(emailInput());
    await setStatus(id, "sent");
    await actAs(admin);
    expect(await retryMessage(undefined, { id })).toMatchObject({ ok: false, formError: "Only failed or dead messages can be retried; this one is sent." });
    expect(await retryMessage(undefined, { id: 999_999 })).toMatchObject({ ok: false, formError: "That message was not found." });
    expect((await getMessage(id)).status).toBe("sent");
  });

  it("is refused to staff, and changes nothing", async () => {
    const { id } = await enqueueCommitted(emailInput());
    await setStatus(id, "failed");
    await actAs(staff);
    expect(await retryMessage(undefined, { id })).toMatchObject({ ok: false, formError: DENIED });
    expect((await getMessage(id)).status).toBe("failed");
  });
});

describe("outbox queries", () => {
  let ids: number[] = [];
  beforeAll(async () => {
    await getDb().delete(outbox).where(eq(outbox.template, "otp_code"));
    ids = [];
    // 7 messages, one created per millisecond tick so the order is certain.
    for (let i = 0; i < 7; i++) {
      const input = i % 3 === 0 ? smsInput({ to: `+1415555010${i}`, clientId: 5 }) : emailInput({ to: `person${i}@example.com`, related: { type: "invoice", id: 77 } });
      ids.push((await enqueueCommitted(input)).id);
      await new Promise((r) => setTimeout(r, 3));
    }
  });

  it("pages newest first with keyset cursors, forwards and back", async () => {
    const first = await listOutbox({}, { pageSize: 3 });
    expect(first.rows.map((r) => r.id)).toEqual([ids[6], ids[5], ids[4]]);
    expect(first.newerCursor).toBeNull();
    const second = await listOutbox({}, { pageSize: 3, cursor: first.olderCursor!, direction: "older" });
    expect(second.rows.map((r) => r.id)).toEqual([ids[3], ids[2], ids[1]]);
    const third = await listOutbox({}, { pageSize: 3, cursor: second.olderCursor!, direction: "older" });
    expect(third.rows.map((r) => r.id)).toEqual([ids[0]]);
    expect(third.olderCursor).toBeNull();
    const back = await listOutbox({}, { pageSize: 3, cursor: third.newerCursor!, direction: "newer" });
    expect(back.rows.map((r) => r.id)).toEqual([ids[3], ids[2], ids[1]]);
    const top = await listOutbox({}, { pageSize: 3, cursor: back.newerCursor!, direction: "newer" });
    expect(top.rows.map((r) => r.id)).toEqual([ids[6], ids[5], ids[4]]);
    expect(top.newerCursor).toBeNull();
  });

  it("filters by channel, status, recipient prefix and date", async () => {
    expect((await listOutbox({ channel: "sms" })).rows.map((r) => r.id)).toEqual([ids[6], ids[3], ids[0]]);
    expect((await listOutbox({ recipient: "person4@" })).rows.map((r) => r.id)).toEqual([ids[4]]);
    expect((await listOutbox({ recipient: "+1415555010" })).rows).toHaveLength(3);
    expect((await listOutbox({ recipient: "%" })).rows).toHaveLength(0);
    expect((await listOutbox({ status: "queued", channel: "email" })).rows).toHaveLength(4);
    const today = new Date().toISOString().slice(0, 10);
    expect((await listOutbox({ from: today, to: today })).rows.length).toBeGreaterThanOrEqual(7);
    expect((await listOutbox({ to: "2000-01-01" })).rows).toHaveLength(0);
  });

  it("lists the messages tied to an invoice and to a client, for their record pages", async () => {
    expect((await listMessagesFor({ type: "invoice", id: 77 })).map((m) => m.id)).toEqual([ids[5], ids[4], ids[2], ids[1]]);
    const forClient = await listMessagesForClient(5);
    expect(forClient.map((m) => m.id)).toEqual([ids[6], ids[3], ids[0]]);
    expect(forClient[0]).toMatchObject({ channel: "sms", toFirst: "+14155550106", status: "queued", template: "otp_code" });
    // The code itself is stored only encrypted; its place holds a placeholder.
    expect(forClient[0]!.text).toMatch(/^cdsecret[0-9a-f]{32} is your ClientDesk code\./);
  });

  it("returns one message with its attempts, or null", async () => {
    await getDb().transaction((tx) => enqueue(tx, emailInput({ idempotencyKey: "detail-1" })));
    const [row] = await getDb().select({ id: outbox.id }).from(outbox).where(eq(outbox.idempotencyKey, "detail-1"));
    await drain(createWorker({ workerId: "detail", providers: { email: captureProvider, sms: captureProvider } }));
    const detail = await getOutboxMessage(row!.id);
    expect(detail).toMatchObject({ id: row!.id, status: "captured", attempts: 1, history: [{ attempt: 1, outcome: "captured", workerId: "detail" }] });
    expect(await getOutboxMessage(999_999)).toBeNull();
  });
});
