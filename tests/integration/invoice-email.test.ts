import { eq } from "drizzle-orm";
import { getDb } from "@/db";
import { auditLog, outbox } from "@/db/schema";
import { emailInvoice as emailAction } from "@/lib/actions/invoices/email-invoice";
import { bulkEmailInvoices } from "@/lib/actions/invoices/bulk-email-invoices";
import type { Actor } from "@/lib/actor";
import { createDraftInvoice } from "@/lib/invoices/drafts";
import { resolveInvoiceLink } from "@/lib/invoices/links";
import { captureProvider } from "@/lib/notify/providers/capture";
import { createWorker } from "@/lib/notify/worker";
import { recordPayment } from "@/lib/payments";
import { getPdfPool } from "@/lib/pdf/print";
import "@/lib/pdf/register";
import { resetDatabase } from "../support/db";
import { createUser } from "../support/factories";
import { drain, stubProviders } from "../support/outbox";
import { createClient, draft, ensureSettings, issuedInvoice, line, readInvoice } from "../support/invoices";
import { pdfText } from "../support/pdf-tools";
import { actAs } from "../support/request-context";
import { startResendStub, type ResendStub } from "../support/stubs/resend-stub";
import { startTwilioStub, type TwilioStub } from "../support/stubs/twilio-stub";

let resend: ResendStub;
let twilio: TwilioStub;
let staffUser: Awaited<ReturnType<typeof createUser>>;
let staff: Actor;

beforeAll(async () => {
  await resetDatabase();
  await ensureSettings({ companyName: "Stub Studio" });
  [resend, twilio] = await Promise.all([startResendStub(), startTwilioStub()]);
  staffUser = await createUser({ role: "staff" });
  staff = { id: staffUser.id, role: "staff" };
});

afterAll(async () => {
  await Promise.all([resend.close(), twilio.close(), getPdfPool().close()]);
});

beforeEach(async () => {
  await drain(createWorker({ workerId: "sweeper", providers: { email: captureProvider, sms: captureProvider } }));
  resend.requests.length = 0;
});

const sendAll = () => drain(createWorker({ workerId: "w-invoices", providers: stubProviders(resend, twilio), maxAttempts: 2 }));

describe("emailing an invoice", () => {
  it("sends TO, CC and BCC as separate recipient fields with the PDF attached and the signed link inside", async () => {
    const client = await createClient({ name: "Maple & Co", email: "ap@maple.example" });
    const inv = await issuedInvoice(staff, client.id, [line("Website redesign", 1000, 2_400_00)]);
    await actAs(staffUser);
    const result = await emailAction(undefined, {
      invoiceId: inv.id,
      to: "ap@maple.example, owner@maple.example",
      cc: "accounts@maple.example",
      bcc: "archive@stub.example; books@stub.example",
      subject: `Invoice ${inv.number} from Stub Studio`,
      message: "Thanks for the great project!",
      idempotencyKey: "dialog-open-1",
    });
    expect(result).toMatchObject({ ok: true, data: { created: true } });

    expect(await sendAll()).toBe(1);
    expect(resend.requests).toHaveLength(1);
    const body = resend.requests[0]!.body;
    expect(body.to).toEqual(["ap@maple.example", "owner@maple.example"]);
    expect(body.cc).toEqual(["accounts@maple.example"]);
    expect(body.bcc).toEqual(["archive@stub.example", "books@stub.example"]);
    expect(body.subject).toBe(`Invoice ${inv.number} from Stub Studio`);
    // BCC stays out of everything the other recipients can see.
    expect(body.html).not.toContain("archive@stub.example");
    expect(body.text).not.toContain("books@stub.example");
    expect(body.text).toContain("Thanks for the great project!");

    expect(body.attachments).toHaveLength(1);
    const attachment = body.attachments![0]!;
    expect(attachment).toMatchObject({ filename: `${inv.number}.pdf`, content_type: "application/pdf" });
    const pdf = Buffer.from(attachment.content!, "base64");
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    const text = pdfText(pdf);
    expect(text).toContain(inv.number);
    expect(text).toContain("Maple & Co");
    expect(text).toContain("$2,400.00");

    const link = /https?:\/\/[^\s"<>]+\/i\/([A-Za-z0-9_-]{43})/.exec(body.text ?? "");
    expect(link).not.toBeNull();
    expect(await resolveInvoiceLink(getDb(), link![1]!)).toMatchObject({ state: "valid", invoiceId: inv.id });

    // The history says who it went to; the first email marks it sent.
    const [audit] = await getDb().select().from(auditLog).where(eq(auditLog.action, "invoice.email"));
    expect(audit!.after).toMatchObject({ to: ["ap@maple.example", "owner@maple.example"], cc: ["accounts@maple.example"], bcc: ["archive@stub.example", "books@stub.example"] });
    expect((await readInvoice(inv.id)).sentAt).toBeInstanceOf(Date);
  });

  it("sends one email for a double-submitted dialog", async () => {
    const client = await createClient({ email: "once@example.com" });
    const inv = await issuedInvoice(staff, client.id);
    await actAs(staffUser);
    const input = { invoiceId: inv.id, to: "once@example.com", cc: "", bcc: "", subject: "Your invoice", message: "", idempotencyKey: "dialog-open-2" };
    const [a, b] = await Promise.all([emailAction(undefined, input), emailAction(undefined, input)]);
    expect([a.ok, b.ok]).toEqual([true, true]);
    expect(await getDb().select().from(outbox).where(eq(outbox.relatedId, inv.id))).toHaveLength(1);
  });

  it("shows an error next to the field for a bad address and queues nothing", async () => {
    const client = await createClient();
    const inv = await issuedInvoice(staff, client.id);
    await actAs(staffUser);
    const res = await emailAction(undefined, { invoiceId: inv.id, to: "good@example.com", cc: "not-an-email", bcc: "also bad@", subject: "Hi", message: "", idempotencyKey: "dialog-open-3" });
    expect(res.ok).toBe(false);
    expect(res.fieldErrors.cc?.[0]).toContain("not-an-email");
    expect(res.fieldErrors.bcc?.[0]).toContain("bad@");
    expect(await getDb().select().from(outbox).where(eq(outbox.relatedId, inv.id))).toEqual([]);
  });

  it("refuses drafts; bulk email skips drafts and clients without an address", async () => {
    const withEmail = await createClient({ email: "bulk@example.com" });
    const noEmail = await createClient({ email: null });
    const { id: draftId } = await createDraftInvoice(getDb(), { ...draft(withEmail.id), actor: staff });
    await actAs(staffUser);
    const refused = await emailAction(undefined, { invoiceId: draftId, to: "bulk@example.com", cc: "", bcc: "", subject: "x", message: "", idempotencyKey: "dialog-open-4" });
    expect(refused).toMatchObject({ ok: false, formError: "Issue this invoice before emailing it." });
    const a = await issuedInvoice(staff, withEmail.id);
    const b = await issuedInvoice(staff, noEmail.id);
    const res = await bulkEmailInvoices(undefined, { ids: [a.id, b.id, draftId], batchKey: "bulk-batch-1" });
    expect(res).toMatchObject({ ok: true, data: { queued: 1, skipped: 2 } });
    const again = await bulkEmailInvoices(undefined, { ids: [a.id], batchKey: "bulk-batch-1" });
    expect(again.data).toEqual({ queued: 0, skipped: 1 });
  });

  it("a payment's receipt email carries the receipt PDF", async () => {
    const client = await createClient({ name: "Receipt Receiver", email: "rr@example.com" });
    const inv = await issuedInvoice(staff, client.id, [line("Work", 1000, 90_00)]);
    await recordPayment(getDb(), { invoiceId: inv.id, amountMinor: 30_00, method: "cash", reference: "Till 4", status: "succeeded", idempotencyKey: "receipt-mail", actor: staff });
    expect(await sendAll()).toBe(1);
    const body = resend.requests[0]!.body;
    expect(body.to).toEqual(["rr@example.com"]);
    const text = pdfText(Buffer.from(body.attachments![0]!.content!, "base64"));
    expect(text).toContain("Receipt");
    expect(text).toContain("$30.00");
    expect(text).toMatch(/Balance due\s+\$60\.00/);
  });
});
