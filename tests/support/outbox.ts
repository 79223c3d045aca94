import { eq } from "drizzle-orm";
import { getDb } from "@/db";
import { outbox, outboxAttempts } from "@/db/schema";
import { enqueue, type EnqueueInput } from "@/lib/notify/enqueue";
import type { Providers } from "@/lib/notify/providers";
import type { TemplateName } from "@/lib/notify/templates";
import { createResendProvider } from "@/lib/notify/providers/resend";
import { createTwilioProvider } from "@/lib/notify/providers/twilio";
import { captureProvider } from "@/lib/notify/providers/capture";
import { createWorker, type OutboxWorker } from "@/lib/notify/worker";
import { resetDatabase } from "./db";
import { startResendStub, type ResendStub } from "./stubs/resend-stub";
import { STUB_ACCOUNT_SID, startTwilioStub, type TwilioStub } from "./stubs/twilio-stub";

export const TEST_FROM = "ClientDesk Tests <billing@example.com>";

/** The real Resend and Twilio SDKs, pointed at the local stubs. */
export function stubProviders(resend: ResendStub, twilio: TwilioStub, sms: { messagingServiceSid?: string } = {}): Providers {
  return {
    email: createResendProvider({ apiKey: "re_test_key", baseUrl: resend.url, from: TEST_FROM, timeoutMs: 5000 }),
    sms: createTwilioProvider({
      accountSid: STUB_ACCOUNT_SID,
      authToken: "stub-token",
      baseUrl: twilio.url,
      timeoutMs: 5000,
      ...(sms.messagingServiceSid ? { messagingServiceSid: sms.messagingServiceSid } : { from: "+15005550006" }),
    }),
  };
}

let seq = 0;

/** An email input with a fresh key; override anything. */
export function emailInput(overrides: Partial<EnqueueInput<"otp_code">> = {}): EnqueueInput<"otp_code"> {
  seq += 1;
  return { channel: "email", to: "ada@example.com", template: "otp_code", data: { code: "123456", minutes: 10 }, idempotencyKey: `test:${Date.now()}:${seq}`, ...overrides };
}

export function smsInput(overrides: Partial<EnqueueInput<"otp_code">> = {}): EnqueueInput<"otp_code"> {
  return emailInput({ channel: "sms", to: "+14155550123", ...overrides });
}

/** Queues and commits one message. */
export async function enqueueCommitted<T extends TemplateName>(input: EnqueueInput<T>) {
  return getDb().transaction((tx) => enqueue(tx, input));
}

/** Runs rounds until one claims nothing. */
export async function drain(worker: OutboxWorker): Promise<number> {
  let total = 0;
  for (let n = await worker.runOnce(); n > 0; n = await worker.runOnce()) total += n;
  return total;
}

export async function getMessage(id: number) {
  const [row] = await getDb().select().from(outbox).where(eq(outbox.id, id));
  return row!;
}

export async function getAttempts(id: number) {
  return getDb().select().from(outboxAttempts).where(eq(outboxAttempts.outboxId, id)).orderBy(outboxAttempts.id);
}

/**
 * The Resend and Twilio stubs for an outbox test file, on a fresh database:
 * started once for the file, closed after it, and before each test an empty
 * queue (drained by a capturing worker), no requests seen and no fault set.
 */
export function withProviderStubs(): { resend: ResendStub; twilio: TwilioStub } {
  const stubs = {} as { resend: ResendStub; twilio: TwilioStub };
  beforeAll(async () => {
    await resetDatabase();
    [stubs.resend, stubs.twilio] = await Promise.all([startResendStub(), startTwilioStub()]);
  });
  afterAll(async () => {
    await Promise.all([stubs.resend?.close(), stubs.twilio?.close()]);
  });
  beforeEach(async () => {
    await drain(createWorker({ workerId: "sweeper", providers: { email: captureProvider, sms: captureProvider } }));
    for (const stub of [stubs.resend, stubs.twilio]) {
      stub.requests.length = 0;
      stub.arrivals.length = 0;
      stub.faults.clear();
    }
  });
  return stubs;
}
