import { randomBytes } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { renderToStaticMarkup } from "react-dom/server";
import OutboxMessagePage from "@/app/(admin)/admin/outbox/[id]/page";
import { OutboxList } from "@/components/outbox/outbox-list";
import { MessageList } from "@/components/messages/message-list";
import { getDb, getPool } from "@/db";
import { listMessagesFor } from "@/db/queries/outbox";
import { outbox } from "@/db/schema";
import { sampleData } from "@/emails/samples";
import { retryMessage } from "@/lib/actions/outbox/retry-message";
import { captureProvider } from "@/lib/notify/providers/capture";
import type { TemplateData, TemplateName } from "@/lib/notify/templates";
import { createWorker } from "@/lib/notify/worker";
import { outboxSearchSchema } from "@/lib/validation/outbox";
import { resetDatabase } from "../support/db";
import { createUser } from "../support/factories";
import { drain, enqueueCommitted, getAttempts, getMessage, stubProviders } from "../support/outbox";
import { actAs } from "../support/request-context";
import { startResendStub, type ResendStub } from "../support/stubs/resend-stub";
import { startTwilioStub, type TwilioStub } from "../support/stubs/twilio-stub";
import type { EnqueueInput } from "@/lib/notify/enqueue";

let resend: ResendStub;
let twilio: TwilioStub;
let admin: Awaited<ReturnType<typeof createUser>>;
const fastBackoff = { baseMs: 20, maxMs: 40 };
const capture = { email: captureProvider, sms: captureProvider };

beforeAll(async () => {
  await resetDatabase();
  admin = await createUser({ role: "admin" });
  [resend, twilio] = await Promise.all([startResendStub(), startTwilioStub()]);
});

afterAll(async () => {
  await Promise.all([resend.close(), twilio.close()]);
});

beforeEach(async () => {
  // Every test starts with an empty queue and quiet stubs.
  await drain(createWorker({ workerId: "sweeper", providers: capture }));
  resend.requests.length = 0;
  twilio.requests.length = 0;
  resend.faults.down = false;
  twilio.faults.down = false;
  resend.faults.echoBody = false;
  twilio.faults.echoBody = false;
});

const token = () => randomBytes(24).toString("base64url");
const code = () => String(100_000 + (randomBytes(3).readUIntBE(0, 3) % 900_000));
let seq = 0;

/** Sample data for a template with fresh codes and tokens, and the values that must stay secret. */
function freshData<T extends TemplateName>(template: T): { data: TemplateData[T]; secrets: string[] } {
  const base = "https://app.example.com";
  const t = token();
  const fresh: { [K in TemplateName]?: Partial<TemplateData[K]> } = {
    invoice: { link: `${base}/i/${t}` },
    payment_receipt: { link: `${base}/i/${t}` },
    payment_reminder: { link: `${base}/i/${t}` },
    staff_invite_request: { approveUrl: `${base}/invites/approve/${t}`, rejectUrl: `${base}/invites/reject/${t}x` },
    staff_invite_accept: { acceptUrl: `${base}/invites/accept/${t}` },
    password_reset: { resetUrl: `${base}/reset-password/${t}` },
    otp_code: { code: code() },
    signup_confirm: { confirmUrl: `${base}/signup/confirm/${t}` },
  };
  const data = { ...sampleData[template], ...fresh[template] } as TemplateData[T];
  const secrets = Object.values(fresh[template] ?? {}) as string[];
  // The bare token counts too: a leak of the token alone is as bad as the link.
  return { data, secrets: [...secrets, ...(template === "otp_code" ? [] : [t])] };
}

function input<T extends TemplateName>(template: T, channel: "email" | "sms", data: TemplateData[T]): EnqueueInput<T> {
  seq += 1;
  return { channel, to: channel === "email" ? "ada@example.com" : "+14155550123", template, data, related: { type: "invoice", id: 4242 }, idempotencyKey: `secrets:${Date.now()}:${seq}` };
}

/** Every column of the stored row and of its attempts, as text: what a backup or an admin with SQL sees. */
async function storedText(id: number): Promise<string> {
  const [rows] = await getPool().query<import("mysql2").RowDataPacket[]>("SELECT * FROM outbox WHERE id = ?", [id]);
  const [attempts] = await getPool().query<import("mysql2").RowDataPacket[]>("SELECT * FROM outbox_attempts WHERE outbox_id = ?", [id]);
  return [...rows, ...attempts]
    .flatMap((row) => Object.values(row))
    .map((v) => (v instanceof Date ? v.toISOString() : typeof v === "object" && v !== null && !Buffer.isBuffer(v) ? JSON.stringify(v) : String(v)))
    .join("\n");
}

async function expectNothingStored(id: number, secrets: string[]) {
  const stored = await storedText(id);
  for (const secret of secrets) expect(stored).not.toContain(secret);
}

const stubWorker = (overrides: Partial<Parameters<typeof createWorker>[0]> = {}) =>
  createWorker({ workerId: "secrets", providers: stubProviders(resend, twilio), backoff: fastBackoff, maxAttempts: 2, ...overrides });

async function pageHtml(id: number): Promise<string> {
  await actAs(admin);
  return renderToStaticMarkup(await OutboxMessagePage({ params: Promise.resolve({ id: String(id) }) }));
}

/** The page's text as a screen reader gets it: tags dropped, hidden helper text kept. */
const textOf = (html: string) => html.replace(/<[^>]*>/g, "");

async function listHtml(): Promise<string> {
  await actAs(admin);
  return renderToStaticMarkup(await OutboxList({ params: outboxSearchSchema.parse({}) }));
}

const secretTemplates = ["invoice", "payment_receipt", "payment_reminder", "staff_invite_request", "staff_invite_accept", "password_reset", "otp_code", "signup_confirm"] as const;

describe("codes and links at rest", () => {
  it.each(secretTemplates)("a queued %s email and SMS hold its code or token in no column, only encrypted", async (template) => {
    for (const channel of ["email", "sms"] as const) {
      const { data, secrets } = freshData(template);
      const { id } = await enqueueCommitted(input(template, channel, data));
      await expectNothingStored(id, secrets);
      const row = await getMessage(id);
      expect(row.secrets).toEqual(expect.any(String));
      expect(row.status).toBe("queued");
    }
  });

  it("delivers the real code and link through Resend and Twilio, then drops them from the row", async () => {
    const otp = freshData("otp_code");
    const invoice = freshData("invoice");
    const email = await enqueueCommitted(input("otp_code", "email", otp.data));
    const sms = await enqueueCommitted(input("otp_code", "sms", otp.data));
    const invoiceMail = await enqueueCommitted(input("invoice", "email", invoice.data));
    expect(await drain(stubWorker())).toBe(3);

    const [otpMail, invoiceSent] = [resend.requests.find((r) => r.body.subject.includes(otp.data.code)), resend.requests.find((r) => r.body.subject.startsWith("Invoice"))];
    expect(otpMail!.body.subject).toBe(`${otp.data.code} is your ClientDesk code`);
    expect(otpMail!.body.text).toContain(otp.data.code);
    expect(otpMail!.body.html).toContain(`>${otp.data.code}</p>`);
    expect(invoiceSent!.body.html).toContain(`href="${invoice.data.link}"`);
    expect(invoiceSent!.body.text).toContain(invoice.data.link);
    expect(twilio.requests[0]!.body).toBe(`${otp.data.code} is your ClientDesk code. It expires in 10 minutes. Never share it.`);

    for (const [id, secrets] of [
      [email.id, otp.secrets],
      [sms.id, otp.secrets],
      [invoiceMail.id, invoice.secrets],
    ] as const) {
      expect(await getMessage(id)).toMatchObject({ status: "sent", secrets: null });
      await expectNothingStored(id, secrets);
    }
  });

  it("drops them when a message dies after its last attempt", async () => {
    const logged = jest.spyOn(console, "error").mockImplementation(() => {});
    resend.faults.down = true;
    const { data, secrets } = freshData("password_reset");
    const { id } = await enqueueCommitted(input("password_reset", "email", data));
    const w = stubWorker();
    for (let i = 0; i < 50 && (await getMessage(id)).status !== "dead"; i++) {
      await w.runOnce();
      await new Promise((r) => setTimeout(r, 25));
    }
    expect(await getMessage(id)).toMatchObject({ status: "dead", attempts: 2, secrets: null });
    await expectNothingStored(id, secrets);
    logged.mockRestore();
  });

  it("keeps a provider's error that quotes the message out of last_error, the attempts and the logs", async () => {
    const logged = jest.spyOn(console, "error").mockImplementation(() => {});
    resend.faults.echoBody = true;
    twilio.faults.echoBody = true;
    const reset = freshData("password_reset");
    const otp = freshData("otp_code");
    const email = await enqueueCommitted(input("password_reset", "email", reset.data));
    const sms = await enqueueCommitted(input("otp_code", "sms", otp.data));
    await drain(stubWorker());

    for (const [id, secrets] of [
      [email.id, reset.secrets],
      [sms.id, otp.secrets],
    ] as const) {
      const row = await getMessage(id);
      // The stubs answer 422 quoting the body: a refusal for good, and the quote is still there, masked.
      expect(row).toMatchObject({ status: "dead", secrets: null });
      expect(row.lastError).toMatch(/quoted back/);
      expect((await getAttempts(id))[0]!.error).toBe(row.lastError);
      await expectNothingStored(id, secrets);
    }
    const logs = logged.mock.calls.flat().map(String).join("\n");
    expect(logs).toMatch(/is dead after attempt 1/);
    for (const secret of [...reset.secrets, ...otp.secrets]) expect(logs).not.toContain(secret);
    logged.mockRestore();
  });

  it("never sends a placeholder: a dead message whose code is gone can't be retried, and the worker refuses one", async () => {
    const logged = jest.spyOn(console, "error").mockImplementation(() => {});
    resend.faults.down = true;
    const { data } = freshData("otp_code");
    const { id } = await enqueueCommitted(input("otp_code", "email", data));
    const w = stubWorker({ maxAttempts: 1 });
    await w.runOnce();
    expect(await getMessage(id)).toMatchObject({ status: "dead", secrets: null });

    await actAs(admin);
    expect(await retryMessage(undefined, { id })).toMatchObject({ ok: false, formError: expect.stringMatching(/code or link .* removed/) });
    expect((await getMessage(id)).status).toBe("dead");

    // Even queued again by hand, nothing goes out without its secrets.
    resend.faults.down = false;
    await getDb()
      .update(outbox)
      .set({ status: "queued", attempts: 0, nextAttemptAt: sql`NOW(3)` })
      .where(eq(outbox.id, id));
    await w.runOnce();
    expect(resend.requests).toHaveLength(0);
    expect(await getMessage(id)).toMatchObject({ status: "dead", lastError: expect.stringMatching(/removed/) });
    logged.mockRestore();
  });
});

describe("the outbox page", () => {
  it("shows a captured message's code and link in full, and says that capture mode is why", async () => {
    const otp = freshData("otp_code");
    const reset = freshData("password_reset");
    const sms = await enqueueCommitted(input("otp_code", "sms", otp.data));
    const email = await enqueueCommitted(input("password_reset", "email", reset.data));
    await drain(createWorker({ workerId: "capture", providers: capture }));
    expect(await getMessage(sms.id)).toMatchObject({ status: "captured", secrets: expect.any(String) });

    const smsPage = await pageHtml(sms.id);
    expect(smsPage).toContain(`${otp.data.code} is your ClientDesk code.`);
    expect(smsPage).toMatch(/Capture mode/);
    expect(smsPage).toMatch(/No SMS provider was configured/);
    expect(smsPage).toMatch(/encrypted until it is sent, then removed/);

    const emailPage = await pageHtml(email.id);
    expect(emailPage).toContain(reset.data.resetUrl);
    expect(emailPage).toMatch(/No email provider was configured/);

    const list = await listHtml();
    expect(list).toContain(`${otp.data.code} is your ClientDesk code.`);
  });

  it("masks a sent message's code and link, and says they were removed after sending", async () => {
    const otp = freshData("otp_code");
    const invoice = freshData("invoice");
    const sms = await enqueueCommitted(input("otp_code", "sms", otp.data));
    const email = await enqueueCommitted(input("invoice", "email", invoice.data));
    await drain(stubWorker());
    expect(await getMessage(sms.id)).toMatchObject({ status: "sent" });

    for (const id of [sms.id, email.id]) {
      const page = await pageHtml(id);
      for (const secret of [...otp.secrets, ...invoice.secrets]) expect(page).not.toContain(secret);
      expect(page).not.toMatch(/cdsecret/);
      expect(page).toMatch(/removed once it was sent/);
      expect(page).not.toMatch(/Capture mode/);
    }
    expect(textOf(await pageHtml(sms.id))).toMatch(/hidden: •••••• removed after sending is your ClientDesk code/);
    // The rendered email opens first: its button's link is dots.
    expect(await pageHtml(email.id)).toMatch(/srcDoc="[^"]*href=&quot;••••••&quot;/i);
    const list = await listHtml();
    expect(list).toContain("•••••• is your ClientDesk code.");
    expect(list).not.toContain(otp.data.code);
  });

  it("masks a queued message's code as encrypted until sent", async () => {
    const otp = freshData("otp_code");
    const { id } = await enqueueCommitted(input("otp_code", "sms", otp.data));
    const page = await pageHtml(id);
    expect(page).not.toContain(otp.data.code);
    expect(page).not.toMatch(/cdsecret/);
    expect(textOf(page)).toMatch(/hidden: •••••• encrypted until sent/);
  });

  it("never shows a code or link in a record's message history, even captured", async () => {
    const invoice = freshData("payment_reminder");
    await enqueueCommitted(input("payment_reminder", "sms", invoice.data));
    await drain(createWorker({ workerId: "capture", providers: capture }));
    const html = renderToStaticMarkup(MessageList({ messages: await listMessagesFor({ type: "invoice", id: 4242 }), emptyText: "None" }));
    expect(html).toContain("Pay: ••••••");
    for (const secret of invoice.secrets) expect(html).not.toContain(secret);
    expect(html).not.toMatch(/[0-9a-f]{32}/);
  });
});
