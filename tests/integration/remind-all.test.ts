import { and, count, eq, inArray, like } from "drizzle-orm";
import { getDb } from "@/db";
import { listUnpaidClients } from "@/db/queries/unpaid";
import { clients, outbox } from "@/db/schema";
import { DENIED } from "@/lib/actions/define-action";
import { bulkRemindInvoices } from "@/lib/actions/invoices/bulk-remind-invoices";
import { remindAllUnpaid as remindAllAction } from "@/lib/actions/reminders/remind-all-unpaid";
import { sendReminders as sendRemindersAction } from "@/lib/actions/reminders/send-reminders";
import { limits } from "@/lib/limits/rules";
import { remindAllUnpaid } from "@/lib/reminders/remind-all";
import { sendReminders } from "@/lib/reminders/send-reminders";
import { databaseChecksum, ensureSettingsRow, insertClient, insertInvoice } from "../support/backoffice";
import { resetDatabase } from "../support/db";
import { createUser } from "../support/factories";
import { actAs } from "../support/request-context";

// "Remind all unpaid" on the unpaid page, and the bounds on every reminder run a
// person starts: the ids a browser may send, and how many runs an hour.

const NOT_DUE = "2099-01-01";
const day = (iso: string) => new Date(`${iso}T12:00:00Z`);

beforeEach(async () => {
  await resetDatabase();
  await ensureSettingsRow();
});

/** The invoices that got a payment reminder, among these. */
async function reminded(invoiceIds: number[]): Promise<number[]> {
  const rows = await getDb()
    .selectDistinct({ id: outbox.relatedId })
    .from(outbox)
    .where(and(eq(outbox.template, "payment_reminder"), eq(outbox.relatedType, "invoice"), inArray(outbox.relatedId, invoiceIds)));
  return rows.map((r) => r.id!).sort((a, b) => a - b);
}

async function reminderCount(): Promise<number> {
  const [row] = await getDb().select({ n: count() }).from(outbox).where(like(outbox.idempotencyKey, "reminder:%"));
  return row!.n;
}

/** n clients, each owing one overdue invoice. */
async function owingClients(n: number) {
  const out: { clientId: number; invoiceId: number }[] = [];
  for (let i = 0; i < n; i++) {
    const client = await insertClient({ name: `Owing ${String(i).padStart(2, "0")}` });
    out.push({ clientId: client.id, invoiceId: (await insertInvoice(client.id)).id });
  }
  return out;
}

describe("remind all unpaid", () => {
  it("reaches every client the page lists, on every page, not just the 25 on screen", async () => {
    const owing = await owingClients(30);
    const today = new Date().toISOString().slice(0, 10);
    const { rows, total } = await listUnpaidClients({ overdueOnly: false, sort: "name", page: 1 }, today);
    expect(rows).toHaveLength(25);
    expect(total).toBe(30);

    await actAs(await createUser({ role: "staff" }));
    expect(await remindAllAction(undefined, { show: "all" })).toEqual({ ok: true, fieldErrors: {}, formError: null, data: { queued: 30, skipped: 0, remaining: 0 } });
    const offPage = owing.filter((o) => !rows.some((r) => r.id === o.clientId)).map((o) => o.invoiceId);
    expect(offPage).toHaveLength(5);
    expect(await reminded(offPage)).toEqual(offPage);

    // Pressed again the same day: every invoice was reminded, so nothing is queued twice.
    expect(await remindAllAction(undefined, { show: "all" })).toMatchObject({ ok: true, data: { queued: 0, skipped: 30, remaining: 0 } });
    expect(await reminderCount()).toBe(30);
  });

  it("on the overdue tab, reminds only overdue invoices, and no paid, draft or void one", async () => {
    const late = await insertClient();
    const lateInvoice = await insertInvoice(late.id); // due ten days ago
    const lateButAlsoNotDue = await insertInvoice(late.id, { dueDate: NOT_DUE });
    const notYet = await insertClient();
    const notYetInvoice = await insertInvoice(notYet.id, { dueDate: NOT_DUE });
    const settled = await insertClient();
    const others = [
      await insertInvoice(settled.id, { status: "paid", paidMinor: 10_000 }),
      await insertInvoice(settled.id, { status: "draft" }),
      await insertInvoice(settled.id, { status: "void" }),
    ].map((i) => i.id);

    await actAs(await createUser({ role: "admin" }));
    expect(await remindAllAction(undefined, { show: "overdue" })).toMatchObject({ ok: true, data: { queued: 1, skipped: 0, remaining: 0 } });
    expect(await reminded([lateInvoice.id, lateButAlsoNotDue.id, notYetInvoice.id, ...others])).toEqual([lateInvoice.id]);

    // The "all unpaid" tab then reaches the rest of the open ones.
    expect(await remindAllAction(undefined, { show: "all" })).toMatchObject({ ok: true, data: { queued: 2, skipped: 1 } });
    expect(await reminded([lateButAlsoNotDue.id, notYetInvoice.id, ...others])).toEqual([lateButAlsoNotDue.id, notYetInvoice.id].sort((a, b) => a - b));
  });

  it("sends at most `max` invoices a run, most overdue first, and the next press reaches the next ones", async () => {
    const staff = await createUser({ role: "staff" });
    const client = await insertClient();
    const ids = [];
    for (const due of ["2026-02-05", "2026-02-01", "2026-02-04", "2026-02-02", "2026-02-03"]) ids.push((await insertInvoice(client.id, { dueDate: due })).id);
    const byDue = [ids[1]!, ids[3]!, ids[4]!, ids[2]!, ids[0]!];
    // Unreachable: counted as skipped on every press, never picked.
    await insertInvoice((await insertClient({ email: null })).id, { dueDate: "2026-01-01" });

    const at = day("2026-03-01");
    expect(await remindAllUnpaid(getDb(), { overdueOnly: false, max: 3 }, staff, at)).toEqual({ queued: 3, skipped: 1, remaining: 2 });
    expect(await reminded(ids)).toEqual(byDue.slice(0, 3).sort((a, b) => a - b));
    expect(await remindAllUnpaid(getDb(), { overdueOnly: false, max: 3 }, staff, at)).toEqual({ queued: 2, skipped: 4, remaining: 0 });
    expect(await remindAllUnpaid(getDb(), { overdueOnly: false, max: 3 }, staff, at)).toEqual({ queued: 0, skipped: 6, remaining: 0 });
    expect(await reminderCount()).toBe(5);
  });

  it("skips what a person already reminded today, and texts a client who can take a text but got only an email", async () => {
    const staff = await createUser({ role: "staff" });
    const emailed = await insertClient();
    const emailedInvoice = await insertInvoice(emailed.id);
    const texted = await insertClient({ phone: "+14155550100", smsOptIn: false });
    const textedInvoice = await insertInvoice(texted.id);
    const at = day("2026-03-02");
    await sendReminders(getDb(), { invoiceIds: [emailedInvoice.id, textedInvoice.id] }, staff, at);
    // The client agrees to texts later that day: the SMS is still due, the email isn't.
    await getDb().update(clients).set({ smsOptIn: true }).where(eq(clients.id, texted.id));

    expect(await remindAllUnpaid(getDb(), { overdueOnly: false }, staff, at)).toEqual({ queued: 1, skipped: 1, remaining: 0 });
    const channels = await getDb().select({ channel: outbox.channel }).from(outbox).where(eq(outbox.relatedId, textedInvoice.id));
    expect(channels.map((c) => c.channel).sort()).toEqual(["email", "sms"]);
  });

  it("is refused to a client, and to someone signed out, with nothing queued", async () => {
    await owingClients(2);
    const client = await createUser({ role: "client" });
    const before = await databaseChecksum();
    await actAs(client);
    expect(await remindAllAction(undefined, { show: "all" })).toEqual({ ok: false, fieldErrors: {}, formError: DENIED });
    await actAs(null);
    expect(await remindAllAction(undefined, { show: "all" })).toMatchObject({ ok: false });
    expect(await databaseChecksum()).toBe(before);
  });

  it("takes only the page's tab from the browser", async () => {
    await owingClients(1);
    await actAs(await createUser({ role: "staff" }));
    for (const show of [undefined, "", "paid", ["all"], true]) {
      expect(await remindAllAction(undefined, { show } as never)).toMatchObject({ ok: false, fieldErrors: { show: ["Reload the page and try again"] } });
    }
    expect(await reminderCount()).toBe(0);
  });
});

describe("a person's reminder runs", () => {
  it("take at most a page of clients (25) or 100 invoices from the browser", async () => {
    const owing = await owingClients(26);
    await actAs(await createUser({ role: "staff" }));
    const before = await databaseChecksum();
    const tooMany = await sendRemindersAction(undefined, { clientIds: owing.map((o) => o.clientId) });
    expect(tooMany).toMatchObject({ ok: false, fieldErrors: { clientIds: ["Select at most 25 clients at a time, or remind all unpaid clients at once"] } });
    const ids = Array.from({ length: 101 }, (_, i) => owing[0]!.invoiceId + i);
    expect(await sendRemindersAction(undefined, { invoiceIds: ids })).toMatchObject({ ok: false, fieldErrors: { invoiceIds: ["Select at most 100 invoices at a time"] } });
    expect(await databaseChecksum()).toBe(before);

    // A whole page is fine.
    expect(await sendRemindersAction(undefined, { clientIds: owing.slice(0, 25).map((o) => o.clientId) })).toMatchObject({ ok: true, data: { queued: 25, skipped: 0 } });
  });

  it(`are ${limits.reminderRuns.points} an hour per person, whichever button starts them; the next is refused with nothing queued`, async () => {
    const staff = await createUser({ role: "staff" });
    const owing = await owingClients(2);
    await actAs(staff);
    for (let i = 0; i < limits.reminderRuns.points; i++) {
      const run =
        i % 3 === 0
          ? remindAllAction(undefined, { show: "all" })
          : i % 3 === 1
            ? sendRemindersAction(undefined, { clientIds: [owing[0]!.clientId] })
            : bulkRemindInvoices(undefined, { ids: [owing[1]!.invoiceId] });
      expect(await run).toMatchObject({ ok: true });
    }
    expect(await reminderCount()).toBe(2);

    // A new debt, so a run that got through would have something to send.
    const fresh = await owingClients(1);
    for (const refused of [
      remindAllAction(undefined, { show: "all" }),
      sendRemindersAction(undefined, { clientIds: [fresh[0]!.clientId] }),
      bulkRemindInvoices(undefined, { ids: [fresh[0]!.invoiceId] }),
    ]) {
      const answer = await refused;
      expect(answer).toMatchObject({ ok: false, fieldErrors: {} });
      expect(answer.formError).toMatch(/^You've sent reminders 20 times in the last hour\. Try again in \d+ minutes?; invoices already reminded today are skipped anyway\.$/);
    }
    expect(await reminded([fresh[0]!.invoiceId])).toEqual([]);
    expect(await reminderCount()).toBe(2);

    // Someone else's runs are their own.
    await actAs(await createUser({ role: "admin" }));
    expect(await remindAllAction(undefined, { show: "all" })).toMatchObject({ ok: true, data: { queued: 1 } });
  });
});
