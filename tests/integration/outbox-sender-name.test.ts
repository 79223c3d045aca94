import { updateSettings } from "@/lib/actions/settings/update-settings";
import { captureProvider } from "@/lib/notify/providers/capture";
import { createWorker } from "@/lib/notify/worker";
import { form } from "../support/actions";
import { resetDatabase } from "../support/db";
import { createUser } from "../support/factories";
import { ensureSettings } from "../support/invoices";
import { parseMailbox } from "../support/mailbox";
import { drain, emailInput, enqueueCommitted, getMessage, smsInput, stubProviders, TEST_FROM } from "../support/outbox";
import { actAs } from "../support/request-context";
import { startResendStub, type ResendStub } from "../support/stubs/resend-stub";
import { startTwilioStub, type TwilioStub } from "../support/stubs/twilio-stub";

// Emails go out from the sender name in settings, at the address in
// EMAIL_FROM (TEST_FROM here, whose own display name is replaced), through
// the real resend SDK and the local Resend stub.

let resend: ResendStub;
let twilio: TwilioStub;

beforeAll(async () => {
  await resetDatabase();
  await ensureSettings({ senderName: "Acme Billing" });
  [resend, twilio] = await Promise.all([startResendStub(), startTwilioStub()]);
});

afterAll(async () => {
  await Promise.all([resend.close(), twilio.close()]);
});

beforeEach(() => {
  resend.requests.length = 0;
  twilio.requests.length = 0;
});

const worker = () => createWorker({ workerId: "sender-name", providers: stubProviders(resend, twilio) });

async function saveSenderName(senderName: string) {
  await actAs(await createUser({ role: "admin" }));
  const state = await updateSettings(
    undefined,
    form({
      companyName: "Acme Testing Co",
      companyAddress: "",
      defaultCurrency: "USD",
      locale: "en-US",
      timeZone: "UTC",
      taxRate: "0",
      invoicePrefix: "INV",
      dueDays: "14",
      senderName,
      minPayment: "1.00",
      bankInstructions: "",
      cashInstructions: "",
    }),
  );
  expect(state).toMatchObject({ ok: true });
}

describe("the From of outgoing email", () => {
  it("carries the sender name from settings in place of EMAIL_FROM's display name", async () => {
    expect(TEST_FROM).toBe("ClientDesk Tests <billing@example.com>");
    const { id } = await enqueueCommitted(emailInput());
    expect(await drain(worker())).toBe(1);
    expect(resend.requests.map((r) => r.body.from)).toEqual(['"Acme Billing" <billing@example.com>']);
    expect(await getMessage(id)).toMatchObject({ status: "sent" });
  });

  it("uses a name the admin just saved, escaped so a quote and a comma stay inside the name", async () => {
    const name = 'Acme, "Billing" <Team>';
    await saveSenderName(name);
    await enqueueCommitted(emailInput());
    await enqueueCommitted(emailInput({ to: "grace@example.com" }));
    expect(await drain(worker())).toBe(2);
    expect(resend.requests).toHaveLength(2);
    for (const { body } of resend.requests) {
      expect(body.from).toBe('"Acme, \\"Billing\\" <Team>" <billing@example.com>');
      // A mail client reads back exactly one mailbox: the saved name and EMAIL_FROM's address.
      expect(parseMailbox(body.from)).toEqual({ name, address: "billing@example.com" });
    }
  });

  it("leaves SMS alone, and capture mode sends nothing", async () => {
    await enqueueCommitted(smsInput());
    expect(await drain(worker())).toBe(1);
    expect(twilio.requests).toHaveLength(1);
    expect(resend.requests).toHaveLength(0);

    const { id } = await enqueueCommitted(emailInput());
    expect(await drain(createWorker({ workerId: "capture", providers: { email: captureProvider, sms: captureProvider } }))).toBe(1);
    expect(resend.requests).toHaveLength(0);
    expect(await getMessage(id)).toMatchObject({ status: "captured" });
  });
});
