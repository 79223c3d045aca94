import { and, count, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { auditLog, invoiceLinks, outbox } from "@/db/schema";
import { sendReminders as sendRemindersAction } from "@/lib/actions/reminders/send-reminders";
import { resolveInvoiceLink } from "@/lib/invoices/links";
import { sendReminders } from "@/lib/reminders/send-reminders";
import { listUnpaidClients } from "@/db/queries/unpaid";
import { ensureSettingsRow, insertClient, insertInvoice, outboxFor } from "../support/backoffice";
import { resetDatabase } from "../support/db";
import { createUser } from "../support/factories";
import { actAs } from "../support/request-context";
import { revealSecrets } from "../support/secrets";

let staff: Awaited<ReturnType<typeof createUser>>;

beforeAll(async () => {
  await resetDatabase();
  await ensureSettingsRow();
  staff = await createUser({ role: "staff" });
});

const day = (iso: string) => new Date(`${iso}T12:00:00Z`);

describe("payment reminders", () => {
  it("queues one email per open invoice, tied to the invoice and the client, with the balance and days overdue", async () => {
    const client = await insertClient({ name: "Ada Open" });
    const inv = await insertInvoice(client.id, { totalMinor: 12_000, paidMinor: 2_000, status: "partially_paid", dueDate: "2026-03-01" });
    const result = await sendReminders(getDb(), { clientIds: [client.id] }, staff, day("2026-03-11"));
    expect(result).toEqual({ queued: 1, skipped: 0 });
    const [message] = await outboxFor({ type: "invoice", id: inv.id });
    expect(message).toMatchObject({ channel: "email", template: "payment_reminder", clientId: client.id, to: [client.email], idempotencyKey: `reminder:${inv.id}:2026-03-11:email` });
    expect(message!.templateData).toMatchObject({ balanceMinor: 10_000, daysOverdue: 10, dueDate: "2026-03-01" });
    // The email carries a working signed link to pay from.
    const link = revealSecrets(message!).data.link as string;
    const resolved = await resolveInvoiceLink(getDb(), link.split("/i/")[1]!);
    expect(resolved).toMatchObject({ state: "valid", invoiceId: inv.id });
    const [audit] = await getDb()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "invoice.remind"), eq(auditLog.entityId, inv.id)));
    expect(audit).toMatchObject({ actorUserId: staff.id, entityType: "invoice", after: expect.objectContaining({ channels: ["email"] }) });
  });

  it("sends at most one reminder per invoice per day, however often it is asked, and again the next day", async () => {
    const client = await insertClient();
    const a = await insertInvoice(client.id);
    const b = await insertInvoice(client.id);
    expect(await sendReminders(getDb(), { clientIds: [client.id] }, staff, day("2026-04-01"))).toEqual({ queued: 2, skipped: 0 });
    expect(await sendReminders(getDb(), { clientIds: [client.id] }, staff, day("2026-04-01"))).toEqual({ queued: 0, skipped: 2 });
    expect(await sendReminders(getDb(), { invoiceIds: [a.id] }, staff, day("2026-04-01"))).toEqual({ queued: 0, skipped: 1 });
    expect(await outboxFor({ type: "invoice", id: a.id })).toHaveLength(1);
    // Nothing was audited, and no extra link made, for the refused repeats.
    const [links] = await getDb().select({ n: count() }).from(invoiceLinks).where(eq(invoiceLinks.invoiceId, a.id));
    expect(links!.n).toBe(1);
    const [audits] = await getDb()
      .select({ n: count() })
      .from(auditLog)
      .where(and(eq(auditLog.action, "invoice.remind"), eq(auditLog.entityId, b.id)));
    expect(audits!.n).toBe(1);

    expect(await sendReminders(getDb(), { clientIds: [client.id] }, staff, day("2026-04-02"))).toEqual({ queued: 2, skipped: 0 });
    expect(await outboxFor({ type: "invoice", id: a.id })).toHaveLength(2);
  });

  it("holds when two people press Remind at the same moment", async () => {
    const client = await insertClient();
    const inv = await insertInvoice(client.id);
    const results = await Promise.all([1, 2, 3].map(() => sendReminders(getDb(), { invoiceIds: [inv.id] }, staff, day("2026-05-05"))));
    expect(results.reduce((n, r) => n + r.queued, 0)).toBe(1);
    expect(await outboxFor({ type: "invoice", id: inv.id })).toHaveLength(1);
  });

  it("texts only clients who opted in and have a number", async () => {
    const optedIn = await insertClient({ phone: "+14155550100", smsOptIn: true });
    const noConsent = await insertClient({ phone: "+14155550101", smsOptIn: false });
    const noPhone = await insertClient({ phone: null, smsOptIn: true });
    const invoices = await Promise.all([optedIn, noConsent, noPhone].map((c) => insertInvoice(c.id)));
    await sendReminders(getDb(), { clientIds: [optedIn.id, noConsent.id, noPhone.id] }, staff, day("2026-06-01"));
    const channels = await Promise.all(invoices.map(async (i) => (await outboxFor({ type: "invoice", id: i.id })).map((m) => m.channel).sort()));
    expect(channels).toEqual([["email", "sms"], ["email"], ["email"]]);
    const [sms] = (await outboxFor({ type: "invoice", id: invoices[0]!.id })).filter((m) => m.channel === "sms");
    expect(sms).toMatchObject({ to: ["+14155550100"], idempotencyKey: `reminder:${invoices[0]!.id}:2026-06-01:sms` });
  });

  it("skips paid, void, draft and fully paid invoices, and clients it can't reach", async () => {
    const client = await insertClient();
    await insertInvoice(client.id, { status: "paid", paidMinor: 10_000 });
    await insertInvoice(client.id, { status: "void" });
    await insertInvoice(client.id, { status: "draft" });
    const unreachable = await insertClient({ email: null, phone: "+14155550102", smsOptIn: false });
    await insertInvoice(unreachable.id);
    expect(await sendReminders(getDb(), { clientIds: [client.id, unreachable.id] }, staff, day("2026-06-02"))).toEqual({ queued: 0, skipped: 1 });
    const [n] = await getDb().select({ n: count() }).from(outbox).where(eq(outbox.clientId, client.id));
    expect(n!.n).toBe(0);
  });

  it("through the action: staff may send, a client may not, and the unpaid view shows the last reminder", async () => {
    const client = await insertClient({ name: "Zed Unpaid" });
    await insertInvoice(client.id, { dueDate: "2026-01-10" });
    await actAs(staff);
    const sent = await sendRemindersAction(undefined, { clientIds: [client.id] });
    expect(sent).toMatchObject({ ok: true, data: { queued: 1, skipped: 0 } });

    const { rows } = await listUnpaidClients({ overdueOnly: true, sort: "name", page: 1 }, "2026-02-01");
    const row = rows.find((r) => r.id === client.id);
    expect(row).toMatchObject({ oldestDue: "2026-01-10", daysOverdue: 22, openInvoices: 1, balances: [expect.objectContaining({ currency: "USD", minor: 10_000 })] });
    expect(row!.lastReminderAt).toBeInstanceOf(Date);

    const outsider = await createUser({ role: "client" });
    await actAs(outsider);
    expect(await sendRemindersAction(undefined, { clientIds: [client.id] })).toMatchObject({ ok: false });
  });
});
