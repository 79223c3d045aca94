import { count, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { outbox, settings } from "@/db/schema";
import { enqueue } from "@/lib/notify/enqueue";
import { DomainError } from "@/lib/errors";
import { resetDatabase } from "../support/db";
import { emailInput, enqueueCommitted, getMessage, smsInput } from "../support/outbox";
import { revealSecrets } from "../support/secrets";

const rows = async () => (await getDb().select({ n: count() }).from(outbox))[0]!.n;

beforeAll(async () => {
  await resetDatabase();
  await getDb().insert(settings).values({ id: 1, companyName: "Acme Plumbing", companyAddress: "1 Main St\nSpringfield", senderName: "Acme" });
});

describe("enqueue", () => {
  it("stores a committed email with its rendered subject, HTML and text, due now", async () => {
    const { id, created } = await enqueueCommitted(
      emailInput({ to: ["ada@example.com", "grace@example.com"], cc: ["cc@example.com"], bcc: ["audit@example.com"], related: { type: "invoice", id: 7 }, clientId: 3 }),
    );
    expect(created).toBe(true);
    const row = await getMessage(id);
    expect(row).toMatchObject({
      channel: "email",
      status: "queued",
      to: ["ada@example.com", "grace@example.com"],
      toFirst: "ada@example.com",
      cc: ["cc@example.com"],
      bcc: ["audit@example.com"],
      relatedType: "invoice",
      relatedId: 7,
      clientId: 3,
      attempts: 0,
    });
    // The code is stored encrypted; the stored texts hold a placeholder in its place.
    expect(row.subject).toMatch(/^cdsecret[0-9a-f]{32} is your Acme Plumbing code$/);
    expect(row.html).toContain("Acme Plumbing");
    expect(row.html).toContain("1 Main St, Springfield");
    expect(row.text).not.toContain("123456");
    expect(revealSecrets(row)).toMatchObject({ subject: "123456 is your Acme Plumbing code", text: expect.stringContaining("123456"), data: { code: "123456", minutes: 10 } });
    expect(row.nextAttemptAt.getTime()).toBeLessThanOrEqual(Date.now() + 1000);
  });

  it("stores an SMS as plain text with no subject or HTML", async () => {
    const { id } = await enqueueCommitted(smsInput());
    const row = await getMessage(id);
    expect(row).toMatchObject({ channel: "sms", to: ["+14155550123"], subject: null, html: null });
    expect(row.text).toMatch(/^cdsecret[0-9a-f]{32} is your Acme Plumbing code\. It expires in 10 minutes\. Never share it\.$/);
    expect(revealSecrets(row).text).toBe("123456 is your Acme Plumbing code. It expires in 10 minutes. Never share it.");
  });

  it("leaves nothing queued when the caller's transaction rolls back", async () => {
    const before = await rows();
    await expect(
      getDb().transaction(async (tx) => {
        await enqueue(tx, emailInput());
        throw new Error("the payment failed");
      }),
    ).rejects.toThrow("the payment failed");
    expect(await rows()).toBe(before);
  });

  it("stores one message for a key queued twice, in one transaction or two, and the caller's transaction goes on", async () => {
    const input = emailInput();
    const first = await enqueueCommitted(input);
    const again = await getDb().transaction(async (tx) => {
      const a = await enqueue(tx, { ...input, to: "someone-else@example.com" });
      const b = await enqueue(tx, emailInput());
      const c = await enqueue(tx, { ...input });
      return { a, b, c };
    });
    expect(again.a).toEqual({ id: first.id, created: false });
    expect(again.c).toEqual({ id: first.id, created: false });
    expect(again.b.created).toBe(true);
    expect((await getMessage(first.id)).toFirst).toBe("ada@example.com");
    expect(await getDb().select({ n: count() }).from(outbox).where(eq(outbox.idempotencyKey, input.idempotencyKey))).toEqual([{ n: 1 }]);
  });

  it("waits for a concurrent transaction holding the same key and then returns its message", async () => {
    const input = emailInput();
    let release!: () => void;
    const holding = getDb().transaction(async (tx) => {
      const res = await enqueue(tx, input);
      await new Promise<void>((resolve) => (release = resolve));
      return res;
    });
    await new Promise((r) => setTimeout(r, 100));
    const second = getDb().transaction((tx) => enqueue(tx, input));
    await new Promise((r) => setTimeout(r, 100));
    release();
    const [a, b] = await Promise.all([holding, second]);
    expect(a.created).toBe(true);
    expect(b).toEqual({ id: a.id, created: false });
  });

  it("lets concurrent transactions queue an existing key again without deadlocking each other", async () => {
    const input = emailInput();
    const first = await enqueueCommitted(input);
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    // Each transaction re-queues the key, then stays open, as a caller doing more work would.
    const racing = Array.from({ length: 4 }, () =>
      getDb().transaction(async (tx) => {
        const res = await enqueue(tx, input);
        await gate;
        return res;
      }),
    );
    await new Promise((r) => setTimeout(r, 200));
    release();
    expect(await Promise.all(racing)).toEqual(Array.from({ length: 4 }, () => ({ id: first.id, created: false })));
  });

  it.each([
    ["a malformed email", emailInput({ to: "ada@" }), /"ada@" is not a valid email address/],
    ["a malformed cc", emailInput({ cc: ["ok@example.com", "not an address"] }), /"not an address" is not a valid email address/],
    ["an email with no recipient", emailInput({ to: [] }), /at least one recipient/],
    ["a number that isn't E.164", smsInput({ to: "415-555-0123" }), /"415-555-0123" is not a phone number in E.164 form/],
    ["a number with a leading zero country code", smsInput({ to: "+0415555012" }), /E\.164/],
    ["an SMS to two numbers", smsInput({ to: ["+14155550123", "+14155550124"] }), /one number/],
    ["an SMS with cc", smsInput({ cc: ["ada@example.com"] }), /no cc/],
    ["an SMS with a subject", smsInput({ subject: "Hello" }), /no subject/],
    ["an empty idempotency key", emailInput({ idempotencyKey: " " }), /idempotency key is required/],
  ])("refuses %s with a clear error and stores nothing", async (_label, input, message) => {
    const before = await rows();
    const attempt = enqueueCommitted(input);
    await expect(attempt).rejects.toThrow(DomainError);
    await expect(attempt).rejects.toThrow(message);
    expect(await rows()).toBe(before);
  });
});
