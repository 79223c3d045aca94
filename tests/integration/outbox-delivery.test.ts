import { getDb } from "@/db";
import { registerAttachmentRenderer } from "@/lib/notify/attachments";
import { enqueue } from "@/lib/notify/enqueue";
import { captureProvider } from "@/lib/notify/providers/capture";
import { createWorker } from "@/lib/notify/worker";
import { drain, emailInput, enqueueCommitted, getAttempts, getMessage, smsInput, stubProviders, withProviderStubs } from "../support/outbox";
import { revealSecrets } from "../support/secrets";

const stubs = withProviderStubs();
const fastBackoff = { baseMs: 40, maxMs: 200 };

const worker = (overrides: Partial<Parameters<typeof createWorker>[0]> = {}) =>
  createWorker({ workerId: "w1", providers: stubProviders(stubs.resend, stubs.twilio), backoff: fastBackoff, maxAttempts: 4, ...overrides });

describe("delivery through the real SDKs", () => {
  it("delivers a committed email once, with to, cc and bcc as recipient fields and the attachment", async () => {
    const pdf = Buffer.from("%PDF-1.7 test invoice");
    const unregister = registerAttachmentRenderer("invoice_pdf", async (ref) => {
      expect(ref).toMatchObject({ invoiceId: 42, version: 3 });
      return { content: pdf, contentType: "application/pdf" };
    });
    try {
      const { id } = await enqueueCommitted(
        emailInput({
          to: ["ada@example.com", "grace@example.com"],
          cc: ["accounts@example.com"],
          bcc: ["archive@example.com"],
          attachments: [{ kind: "invoice_pdf", invoiceId: 42, version: 3, filename: "INV-2026-0042.pdf" }],
        }),
      );
      // What the recipients must get: the queued message with its code filled back in.
      const queued = revealSecrets(await getMessage(id));
      const w = worker();
      expect(await drain(w)).toBe(1);
      expect(await drain(w)).toBe(0);

      expect(stubs.resend.requests).toHaveLength(1);
      const [sent] = stubs.resend.requests;
      const row = await getMessage(id);
      // No settings row here: the default sender name replaces EMAIL_FROM's display name.
      expect(sent!.body).toMatchObject({
        from: '"ClientDesk" <billing@example.com>',
        to: ["ada@example.com", "grace@example.com"],
        cc: ["accounts@example.com"],
        bcc: ["archive@example.com"],
        subject: "123456 is your ClientDesk code",
      });
      expect(sent!.body.html).toBe(queued.html);
      expect(sent!.body.text).toBe(queued.text);
      // The copies are recipient fields only: nothing pasted into headers or the body.
      expect(sent!.body.headers).toBeUndefined();
      expect(sent!.body.html).not.toContain("archive@example.com");
      expect(sent!.body.attachments).toEqual([{ filename: "INV-2026-0042.pdf", content: pdf.toString("base64"), content_type: "application/pdf" }]);
      expect(sent!.idempotencyKey).toBe(`${id}:${row.idempotencyKey}`);
      expect(row).toMatchObject({ status: "sent", providerMessageId: sent!.id, attempts: 1, lockedBy: null, lastError: null });
      expect(row.sentAt).toBeInstanceOf(Date);
      expect(await getAttempts(id)).toMatchObject([{ attempt: 1, outcome: "sent", workerId: "w1" }]);
    } finally {
      unregister();
    }
  });

  it("never delivers a message whose transaction rolled back", async () => {
    const input = emailInput();
    await expect(
      getDb().transaction(async (tx) => {
        await enqueue(tx, input);
        throw new Error("rolled back");
      }),
    ).rejects.toThrow("rolled back");
    expect(await drain(worker())).toBe(0);
    expect(stubs.resend.requests).toHaveLength(0);
  });

  it("sends SMS through Twilio from the number, or through a Messaging Service when one is set", async () => {
    const fromNumber = await enqueueCommitted(smsInput({ to: "+447700900123" }));
    await drain(worker());
    const viaService = await enqueueCommitted(smsInput({ to: "+447700900456" }));
    await drain(worker({ providers: stubProviders(stubs.resend, stubs.twilio, { messagingServiceSid: "MG0123456789abcdef0123456789abcdef" }) }));

    expect(stubs.twilio.requests).toMatchObject([
      { to: "+447700900123", from: "+15005550006", messagingServiceSid: null, body: "123456 is your ClientDesk code. It expires in 10 minutes. Never share it." },
      { to: "+447700900456", from: null, messagingServiceSid: "MG0123456789abcdef0123456789abcdef" },
    ]);
    expect(await getMessage(fromNumber.id)).toMatchObject({ status: "sent", providerMessageId: stubs.twilio.requests[0]!.sid });
    expect(await getMessage(viaService.id)).toMatchObject({ status: "sent", providerMessageId: stubs.twilio.requests[1]!.sid });
  });

  it("retries a provider answering 500 three times with backoff, then delivers exactly once", async () => {
    stubs.resend.faults.failNext(3);
    const { id } = await enqueueCommitted(emailInput());
    const w = worker({ maxAttempts: 6 });
    // When each call that made an attempt began and ended.
    const tries: { began: number; ended: number }[] = [];
    while ((await getMessage(id)).status !== "sent") {
      const began = Date.now();
      if ((await w.runOnce()) > 0) tries.push({ began, ended: Date.now() });
      await new Promise((r) => setTimeout(r, 10));
      if (tries.length > 6) throw new Error("too many tries");
    }
    expect(tries).toHaveLength(4);
    expect(stubs.resend.requests).toHaveLength(1);
    expect(stubs.resend.requests[0]!.replay).toBe(false);
    const attempts = await getAttempts(id);
    expect(attempts.map((a) => a.outcome)).toEqual(["failed", "failed", "failed", "sent"]);
    expect(attempts[0]!.error).toMatch(/Resend: .*HTTP 500/);
    // Each wait is at least half of the doubling step (40, 80, 160 ms). A failure is recorded after its call
    // began, and the next attempt is claimed before its call ends, so from the one to the other is at least
    // the wait, however long the calls took on a busy machine (2 ms for the clocks' rounding).
    const waits = tries.slice(1).map((t, i) => t.ended - tries[i]!.began);
    waits.forEach((wait, i) => expect(wait).toBeGreaterThanOrEqual(Math.min(fastBackoff.maxMs, fastBackoff.baseMs * 2 ** i) / 2 - 2));
    expect(await getMessage(id)).toMatchObject({ status: "sent", attempts: 4, lastError: null });
  });

  it("marks a message dead after the attempt limit when the provider stays down", async () => {
    stubs.resend.faults.down = true;
    const logged = jest.spyOn(console, "error").mockImplementation(() => {});
    const { id } = await enqueueCommitted(emailInput());
    const w = worker({ maxAttempts: 3 });
    for (let i = 0; i < 100 && (await getMessage(id)).status !== "dead"; i++) {
      await w.runOnce();
      await new Promise((r) => setTimeout(r, 20));
    }
    const row = await getMessage(id);
    expect(row).toMatchObject({ status: "dead", attempts: 3 });
    expect(row.lastError).toMatch(/HTTP 500/);
    expect((await getAttempts(id)).map((a) => a.outcome)).toEqual(["failed", "failed", "failed"]);
    expect(stubs.resend.requests).toHaveLength(0);
    expect(logged).toHaveBeenCalledWith(expect.stringMatching(new RegExp(`message ${id} is dead after attempt 3`)));
    logged.mockRestore();
    // Dead is final: later rounds leave it alone.
    await new Promise((r) => setTimeout(r, 250));
    expect(await w.runOnce()).toBe(0);
  });

  it("fails and retries an email whose attachment has no renderer, instead of sending it without", async () => {
    const { id } = await enqueueCommitted(emailInput({ attachments: [{ kind: "receipt_pdf", paymentId: 9, filename: "receipt.pdf" }] }));
    await worker().runOnce();
    const row = await getMessage(id);
    expect(row.status).toBe("failed");
    expect(row.lastError).toBe('Can\'t attach receipt.pdf: no renderer is registered for "receipt_pdf" attachments.');
    expect(stubs.resend.requests).toHaveLength(0);
  });

  it("goes straight to dead when the provider refuses the request for good (4xx)", async () => {
    const logged = jest.spyOn(console, "error").mockImplementation(() => {});
    const { id } = await enqueueCommitted(smsInput());
    const refusing = createWorker({
      workerId: "w-bad-account",
      providers: { email: captureProvider, sms: stubProviders(stubs.resend, { ...stubs.twilio, url: `${stubs.twilio.url}/nowhere` }).sms },
      backoff: fastBackoff,
    });
    await refusing.runOnce();
    expect(await getMessage(id)).toMatchObject({ status: "dead", attempts: 1 });
    expect((await getMessage(id)).lastError).toMatch(/Twilio: .*HTTP 404/);
    logged.mockRestore();
  });

  it("captures instead of sending when no provider is configured", async () => {
    const email = await enqueueCommitted(emailInput({ attachments: [{ kind: "invoice_pdf", invoiceId: 1, version: 1, filename: "a.pdf" }] }));
    const sms = await enqueueCommitted(smsInput());
    await drain(createWorker({ workerId: "capture", providers: { email: captureProvider, sms: captureProvider } }));
    expect(await getMessage(email.id)).toMatchObject({ status: "captured", providerMessageId: null });
    expect(await getMessage(sms.id)).toMatchObject({ status: "captured" });
    expect(stubs.resend.requests).toHaveLength(0);
    expect(stubs.twilio.requests).toHaveLength(0);
  });
});
