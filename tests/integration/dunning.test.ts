import { and, asc, count, eq, inArray, isNotNull } from "drizzle-orm";
import { getDb } from "@/db";
import { listMessagesFor, listMessagesForClient } from "@/db/queries/outbox";
import { auditLog, invoiceReminders, invoices, outbox, reminderSchedule, reminderSteps, settings } from "@/db/schema";
import { updateReminderSchedule } from "@/lib/actions/reminders/update-reminder-schedule";
import { resolveInvoiceLink } from "@/lib/invoices/links";
import { recordPayment } from "@/lib/payments/record";
import { pauseReminders, resumeReminders } from "@/lib/reminders/pauses";
import { runReminderSchedule } from "@/lib/reminders/run";
import { sendReminders } from "@/lib/reminders/send-reminders";
import { readReminderSchedule } from "@/lib/reminders/schedule";
import { readInvoiceReminderStatus } from "@/lib/reminders/status";
import { remindersJob } from "@/lib/schedule/jobs";
import { startDailySchedule } from "@/lib/schedule/daily";
import { addDaysIso } from "@/lib/dates";
import { ensureSettingsRow, insertClient, insertInvoice } from "../support/backoffice";
import { resetDatabase } from "../support/db";
import { createUser } from "../support/factories";
import { actAs } from "../support/request-context";
import { revealSecrets } from "../support/secrets";

// The automatic reminder schedule (issue 14) against the real database, with
// the clock moved by passing the instant each run happens at.

type User = Awaited<ReturnType<typeof createUser>>;
let admin: User;
let staff: User;
let seq = 0;

/** Saves a schedule through the admin's server action, as the settings page does. */
async function saveSchedule(enabled: boolean, steps: { id?: number | null; offsetDays: number; email?: boolean; sms?: boolean; tone?: "friendly" | "firm" }[]) {
  await actAs(admin);
  const result = await updateReminderSchedule(undefined, {
    enabled,
    steps: steps.map((s) => ({ id: s.id ?? null, offsetDays: String(s.offsetDays), email: s.email ?? true, sms: s.sms ?? false, tone: s.tone ?? (s.offsetDays < 0 ? "friendly" : "firm") })),
  });
  expect(result).toMatchObject({ ok: true });
  return (await readReminderSchedule(getDb())).steps;
}

/** Noon UTC on a day, unless told. */
const at = (day: string, time = "12:00") => new Date(`${day}T${time}:00Z`);
const messagesOf = async (invoiceId: number) =>
  getDb()
    .select()
    .from(outbox)
    .where(and(eq(outbox.relatedType, "invoice"), eq(outbox.relatedId, invoiceId)))
    .orderBy(asc(outbox.id));
const remindersOf = async (invoiceId: number) => getDb().select().from(invoiceReminders).where(eq(invoiceReminders.invoiceId, invoiceId)).orderBy(asc(invoiceReminders.id));
/** A fresh due date far from every other test's, so each test's runs see only its own invoices reach steps. */
const freshDue = () => addDaysIso("2030-01-15", 400 * ++seq);

beforeAll(async () => {
  await resetDatabase();
  await ensureSettingsRow();
  admin = await createUser({ role: "admin" });
  staff = await createUser({ role: "staff" });
});

// Each test's invoices only: earlier tests' invoices are closed, so a run's counts are this test's.
beforeEach(async () => {
  await getDb()
    .update(invoices)
    .set({ status: "void" })
    .where(inArray(invoices.status, ["sent", "partially_paid"]));
});

describe("a fresh install", () => {
  it("offers a three-step schedule that is off, and the run queues nothing until an admin turns it on", async () => {
    const schedule = await readReminderSchedule(getDb());
    expect(schedule).toMatchObject({ enabled: false, saved: false });
    expect(schedule.steps.map((s) => [s.offsetDays, s.tone, s.id])).toEqual([
      [-3, "friendly", null],
      [7, "firm", null],
      [21, "firm", null],
    ]);
    const client = await insertClient();
    const inv = await insertInvoice(client.id, { dueDate: "2026-02-01" });
    expect(await runReminderSchedule(getDb(), { now: at("2026-02-08") })).toMatchObject({ enabled: false, invoices: 0 });
    expect(await messagesOf(inv.id)).toHaveLength(0);
    expect(await readInvoiceReminderStatus(getDb(), inv.id, "2026-02-08")).toMatchObject({ state: "off" });
    await getDb().update(invoices).set({ status: "void" }).where(eq(invoices.id, inv.id));
  });
});

describe("the daily run", () => {
  it("fires each step once, on its day in the business's time zone, with a Pay-now link that opens the invoice, on the invoice's and client's lists and in the audit log", async () => {
    await getDb().update(settings).set({ timeZone: "America/Los_Angeles" }).where(eq(settings.id, 1));
    try {
      const steps = await saveSchedule(true, [
        { offsetDays: -3, tone: "friendly" },
        { offsetDays: 0, sms: true, tone: "friendly" },
        { offsetDays: 7, sms: true, tone: "firm" },
      ]);
      const due = freshDue();
      const client = await insertClient({ name: "Grace Hopper", phone: "+14155550142", smsOptIn: true });
      const inv = await insertInvoice(client.id, { dueDate: due, totalMinor: 25_000, paidMinor: 5_000, status: "partially_paid" });

      // 01:00 UTC on the friendly step's day is still the day before in Los Angeles.
      await runReminderSchedule(getDb(), { now: at(addDaysIso(due, -3), "01:00") });
      expect(await messagesOf(inv.id)).toHaveLength(0);
      expect(await readInvoiceReminderStatus(getDb(), inv.id, addDaysIso(due, -4))).toMatchObject({ state: "next", day: addDaysIso(due, -3), step: { id: steps[0]!.id } });

      const byDay: Record<string, string[]> = {};
      for (let d = -5; d <= 12; d++) {
        const day = addDaysIso(due, d);
        const before = (await messagesOf(inv.id)).length;
        // Morning and evening runs (in Los Angeles), as the schedule's repeated checks would.
        await runReminderSchedule(getDb(), { now: at(day, "17:00") });
        await runReminderSchedule(getDb(), { now: at(addDaysIso(day, 1), "06:00") });
        const fresh = (await messagesOf(inv.id)).slice(before);
        if (fresh.length) byDay[d] = fresh.map((m) => `${m.template}/${m.channel}`);
      }
      expect(byDay).toEqual({
        "-3": ["reminder_friendly/email"],
        "0": ["reminder_friendly/email", "reminder_friendly/sms"],
        "7": ["reminder_firm/email", "reminder_firm/sms"],
      });

      const messages = await messagesOf(inv.id);
      expect(messages[0]).toMatchObject({ clientId: client.id, to: [client.email], idempotencyKey: `dunning:${inv.id}:${steps[0]!.id}:email`, status: "queued" });
      const firm = revealSecrets(messages[3]!);
      expect(firm.data).toMatchObject({ balanceMinor: 20_000, daysFromDue: 7, dueDate: due });
      expect(firm.text).toContain("is 7 days overdue, and we have not received full payment yet");
      const link = firm.data.link as string;
      expect(firm.html).toContain(`href="${link}"`);
      expect(await resolveInvoiceLink(getDb(), link.split("/i/")[1]!)).toMatchObject({ state: "valid", invoiceId: inv.id });
      // Each reminder made its own link.
      expect(new Set(messages.map((m) => revealSecrets(m).data.link)).size).toBe(3);

      expect((await listMessagesFor({ type: "invoice", id: inv.id })).map((m) => m.template)).toEqual(
        ["reminder_firm", "reminder_firm", "reminder_friendly", "reminder_friendly", "reminder_friendly"].map(String),
      );
      expect(await listMessagesForClient(client.id)).toHaveLength(5);
      const audits = await getDb()
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, "invoice.remind"), eq(auditLog.entityId, inv.id)))
        .orderBy(asc(auditLog.id));
      expect(audits.map((a) => [a.actorRole, (a.after as { channels: string[] }).channels])).toEqual([
        ["system", ["email"]],
        ["system", ["email", "sms"]],
        ["system", ["email", "sms"]],
      ]);
      expect(audits[2]!.after).toMatchObject({ automatic: true, balanceMinor: 20_000, daysOverdue: 7, step: { id: steps[2]!.id, offsetDays: 7, tone: "firm" } });
      expect(await readInvoiceReminderStatus(getDb(), inv.id, addDaysIso(due, 12))).toMatchObject({ state: "done", sent: 3 });
    } finally {
      await getDb().update(settings).set({ timeZone: "UTC" }).where(eq(settings.id, 1));
    }
  });

  it("queues each step once when several runners go at the same moment", async () => {
    await saveSchedule(true, [{ offsetDays: -3 }, { offsetDays: 0, sms: true }, { offsetDays: 10 }]);
    const due = freshDue();
    const client = await insertClient({ phone: "+14155550143", smsOptIn: true });
    // Invoices at each step's day and between them.
    const made = await Promise.all([-3, -1, 0, 4, 10, 11, 25].flatMap((age) => [1, 2, 3].map(() => insertInvoice(client.id, { dueDate: addDaysIso(due, -age) }))));
    const results = await Promise.all([1, 2, 3, 4].map(() => runReminderSchedule(getDb(), { now: at(due) })));
    const ids = made.map((m) => m.id);
    const rows = await getDb().select({ invoiceId: invoiceReminders.invoiceId, n: count() }).from(invoiceReminders).where(inArray(invoiceReminders.invoiceId, ids)).groupBy(invoiceReminders.invoiceId);
    // Every one has reached a step (due in 3 days or less): each gets exactly one reminder.
    expect(rows).toHaveLength(ids.length);
    expect(rows.every((r) => r.n === 1)).toBe(true);
    expect(results.reduce((n, r) => n + r.invoices, 0)).toBe(ids.length);
    const [messages] = await getDb()
      .select({ n: count() })
      .from(outbox)
      .where(and(eq(outbox.relatedType, "invoice"), inArray(outbox.relatedId, ids)));
    // Email for all; SMS too for the six at the 0-day step (0 and 4 days past due).
    expect(messages!.n).toBe(ids.length + 6);
  });

  it("stops the moment an invoice is paid, and keeps reminding a partly paid one for what is left", async () => {
    await saveSchedule(true, [{ offsetDays: -3 }, { offsetDays: 0 }, { offsetDays: 7 }]);
    const due = freshDue();
    const client = await insertClient();
    const paid = await insertInvoice(client.id, { dueDate: due, totalMinor: 10_000 });
    const part = await insertInvoice(client.id, { dueDate: due, totalMinor: 10_000 });
    await runReminderSchedule(getDb(), { now: at(addDaysIso(due, -3)) });
    expect(await messagesOf(paid.id)).toHaveLength(1);
    const pay = (invoiceId: number, amountMinor: number) =>
      recordPayment(getDb(), { invoiceId, amountMinor, method: "bank_transfer", reference: null, status: "succeeded", idempotencyKey: `dunning-pay-${invoiceId}-${amountMinor}`, actor: staff });
    await pay(paid.id, 10_000);
    await pay(part.id, 4_000);
    for (const d of [0, 7, 20]) await runReminderSchedule(getDb(), { now: at(addDaysIso(due, d)) });
    expect((await messagesOf(paid.id)).filter((m) => m.template !== "payment_receipt")).toHaveLength(1);
    expect(await readInvoiceReminderStatus(getDb(), paid.id, addDaysIso(due, 1))).toMatchObject({ state: "not_open" });
    const partReminders = (await messagesOf(part.id)).filter((m) => m.template.startsWith("reminder_"));
    expect(partReminders.map((m) => (m.templateData as { balanceMinor: number }).balanceMinor)).toEqual([10_000, 6_000, 6_000]);
  });

  it("sends an invoice one reminder a day per channel, whether the schedule or a person sent the first", async () => {
    await saveSchedule(true, [{ offsetDays: 0, sms: true }]);
    const due = freshDue();
    const client = await insertClient({ phone: "+14155550143", smsOptIn: true });
    const byHandFirst = await insertInvoice(client.id, { dueDate: due, totalMinor: 10_000 });
    const scheduleFirst = await insertInvoice(client.id, { dueDate: due, totalMinor: 10_000 });
    const channels = async (invoiceId: number) => (await messagesOf(invoiceId)).map((m) => `${m.template}/${m.channel}`);
    const byHand = (invoiceIds: number[], day: string) => sendReminders(getDb(), { invoiceIds }, { id: staff.id, role: "staff" }, at(day));

    // A person reminds one invoice on its due day, before the schedule's run: the run leaves it for the next day.
    expect(await byHand([byHandFirst.id], due)).toEqual({ queued: 1, skipped: 0 });
    await runReminderSchedule(getDb(), { now: at(due, "18:00") });
    expect(await channels(byHandFirst.id)).toEqual(["payment_reminder/email", "payment_reminder/sms"]);
    expect(await channels(scheduleFirst.id)).toEqual(["reminder_firm/email", "reminder_firm/sms"]);

    // Later that day, a person's reminder skips the invoice the schedule already reminded.
    expect(await byHand([byHandFirst.id, scheduleFirst.id], due)).toEqual({ queued: 0, skipped: 2 });
    expect(await channels(scheduleFirst.id)).toHaveLength(2);

    // The next day the step still due goes out, once.
    const nextDay = addDaysIso(due, 1);
    await runReminderSchedule(getDb(), { now: at(nextDay) });
    await runReminderSchedule(getDb(), { now: at(nextDay, "20:00") });
    expect(await channels(byHandFirst.id)).toEqual(["payment_reminder/email", "payment_reminder/sms", "reminder_firm/email", "reminder_firm/sms"]);
    expect(await channels(scheduleFirst.id)).toHaveLength(2);
  });

  it("never reminds a paid, void or draft invoice, nor an archived client's", async () => {
    await saveSchedule(true, [{ offsetDays: 0 }]);
    const due = freshDue();
    const client = await insertClient();
    const archived = await insertClient({ archived: true });
    const skipped = await Promise.all([
      insertInvoice(client.id, { dueDate: due, status: "paid", paidMinor: 10_000 }),
      insertInvoice(client.id, { dueDate: due, status: "void" }),
      insertInvoice(client.id, { dueDate: due, status: "draft" }),
      insertInvoice(archived.id, { dueDate: due }),
    ]);
    const open = await insertInvoice(client.id, { dueDate: due });
    await runReminderSchedule(getDb(), { now: at(due) });
    expect(await messagesOf(open.id)).toHaveLength(1);
    for (const inv of skipped) expect(await messagesOf(inv.id)).toHaveLength(0);
    expect(await readInvoiceReminderStatus(getDb(), skipped[3]!.id, due)).toMatchObject({ state: "archived" });
  });

  it("switched on late, sends an invoice 40 days overdue only the latest step it reached, then nothing more", async () => {
    await saveSchedule(false, [{ offsetDays: -3 }, { offsetDays: 0 }, { offsetDays: 7 }, { offsetDays: 14 }, { offsetDays: 30 }]);
    const due = freshDue();
    const client = await insertClient();
    const inv = await insertInvoice(client.id, { dueDate: due });
    for (let d = -3; d <= 39; d++) await runReminderSchedule(getDb(), { now: at(addDaysIso(due, d)) });
    expect(await messagesOf(inv.id)).toHaveLength(0);
    const steps = (await readReminderSchedule(getDb())).steps;
    await saveSchedule(
      true,
      steps.map((s) => ({ ...s })),
    );
    for (let d = 40; d <= 60; d++) await runReminderSchedule(getDb(), { now: at(addDaysIso(due, d)) });
    const messages = await messagesOf(inv.id);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ template: "reminder_firm", idempotencyKey: `dunning:${inv.id}:${steps[4]!.id}:email` });
    expect(messages[0]!.templateData).toMatchObject({ daysFromDue: 40 });
  });

  it("runs inside the daily schedule beside billing, on the business's day from the (moved) clock", async () => {
    await saveSchedule(true, [{ offsetDays: 2 }]);
    const due = freshDue();
    const inv = await insertInvoice((await insertClient()).id, { dueDate: due });
    const logged = jest.spyOn(console, "log").mockImplementation(() => {});
    const schedule = startDailySchedule({ jobs: [remindersJob], firstRunAfterMs: 10, checkEveryMs: 50, now: () => at(addDaysIso(due, 2)) });
    try {
      const deadline = Date.now() + 10_000;
      while ((await messagesOf(inv.id)).length === 0) {
        if (Date.now() > deadline) throw new Error("the schedule never reminded the invoice");
        await new Promise((r) => setTimeout(r, 25));
      }
      expect(logged).toHaveBeenCalledWith(expect.stringMatching(new RegExp(`^\\[reminders\\] ${addDaysIso(due, 2)}: 1 invoices reminded`)));
    } finally {
      schedule.stop();
      logged.mockRestore();
    }
  });
});

describe("pauses", () => {
  it("keep an invoice, or all of a client's, out of the schedule with a reason until resumed; then only the latest step reached goes", async () => {
    const steps = await saveSchedule(true, [{ offsetDays: 0 }, { offsetDays: 7 }, { offsetDays: 14 }]);
    const due = freshDue();
    const client = await insertClient();
    const a = await insertInvoice(client.id, { dueDate: due });
    const b = await insertInvoice(client.id, { dueDate: due });
    await pauseReminders(getDb(), { target: "invoice", id: a.id, reason: "Disputed: waiting on the client's PO" }, staff);
    await expect(pauseReminders(getDb(), { target: "invoice", id: a.id, reason: "again" }, staff)).rejects.toThrow("already paused");
    await runReminderSchedule(getDb(), { now: at(due) });
    expect(await messagesOf(a.id)).toHaveLength(0);
    expect(await messagesOf(b.id)).toHaveLength(1);
    expect(await readInvoiceReminderStatus(getDb(), a.id, due)).toMatchObject({ state: "paused", invoicePause: { reason: "Disputed: waiting on the client's PO", pausedBy: staff.name } });

    await pauseReminders(getDb(), { target: "client", id: client.id, reason: "On a payment plan" }, admin);
    await resumeReminders(getDb(), { target: "invoice", id: a.id }, staff);
    for (const d of [7, 8]) await runReminderSchedule(getDb(), { now: at(addDaysIso(due, d)) });
    expect(await messagesOf(a.id)).toHaveLength(0);
    expect(await messagesOf(b.id)).toHaveLength(1);

    await resumeReminders(getDb(), { target: "client", id: client.id }, admin);
    await expect(resumeReminders(getDb(), { target: "client", id: client.id }, admin)).rejects.toThrow("not paused");
    for (const d of [15, 16]) await runReminderSchedule(getDb(), { now: at(addDaysIso(due, d)) });
    // Resumed at day 15: the 14-day step only, nothing for the 0 and 7 days missed.
    expect((await remindersOf(a.id)).map((r) => r.stepId)).toEqual([steps[2]!.id]);
    expect((await remindersOf(b.id)).map((r) => r.stepId)).toEqual([steps[0]!.id, steps[2]!.id]);

    const audits = await getDb()
      .select({ action: auditLog.action, entityId: auditLog.entityId, actor: auditLog.actorUserId })
      .from(auditLog)
      .where(inArray(auditLog.action, ["invoice.reminders_pause", "invoice.reminders_resume", "client.reminders_pause", "client.reminders_resume"]))
      .orderBy(asc(auditLog.id));
    expect(audits).toEqual([
      { action: "invoice.reminders_pause", entityId: a.id, actor: staff.id },
      { action: "client.reminders_pause", entityId: client.id, actor: admin.id },
      { action: "invoice.reminders_resume", entityId: a.id, actor: staff.id },
      { action: "client.reminders_resume", entityId: client.id, actor: admin.id },
    ]);
  });
});

describe("editing the schedule", () => {
  it("keeps each step's id through edits, so an edited step isn't sent again, and audits each change", async () => {
    const steps = await saveSchedule(true, [{ offsetDays: 0 }, { offsetDays: 5 }]);
    const due = freshDue();
    const inv = await insertInvoice((await insertClient()).id, { dueDate: due });
    await runReminderSchedule(getDb(), { now: at(addDaysIso(due, 5)) });
    expect((await remindersOf(inv.id)).map((r) => r.stepId)).toEqual([steps[1]!.id]);
    // The 5-day step moves to 9 days, a 20-day step is added, the 0-day step removed.
    const edited = await saveSchedule(true, [
      { id: steps[1]!.id, offsetDays: 9 },
      { offsetDays: 20, sms: true },
    ]);
    expect(edited[0]!.id).toBe(steps[1]!.id);
    const [removed] = await getDb().select().from(reminderSteps).where(eq(reminderSteps.id, steps[0]!.id!));
    expect(removed!.removedAt).not.toBeNull();
    for (const d of [9, 10]) await runReminderSchedule(getDb(), { now: at(addDaysIso(due, d)) });
    expect(await remindersOf(inv.id)).toHaveLength(1);
    await runReminderSchedule(getDb(), { now: at(addDaysIso(due, 20)) });
    expect((await remindersOf(inv.id)).map((r) => r.stepId)).toEqual([steps[1]!.id, edited[1]!.id]);

    const [audit] = await getDb()
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, "reminders.schedule_update"))
      .orderBy(asc(auditLog.id))
      .offset(0)
      .limit(1000)
      .then((rows) => rows.slice(-1));
    expect(audit).toMatchObject({ actorUserId: admin.id, entityType: "settings" });
    expect(audit!.before).toMatchObject({
      steps: [
        { id: steps[0]!.id, offsetDays: 0 },
        { id: steps[1]!.id, offsetDays: 5 },
      ],
    });
    expect(audit!.after).toMatchObject({
      enabled: true,
      steps: [
        { id: steps[1]!.id, offsetDays: 9 },
        { id: edited[1]!.id, offsetDays: 20, sms: true },
      ],
    });
    const [removedRows] = await getDb().select({ n: count() }).from(reminderSteps).where(isNotNull(reminderSteps.removedAt));
    expect(removedRows!.n).toBeGreaterThan(0);
  });

  it("refuses offsets out of range or not whole days, two steps on one day, a step with no channel, and an unknown step id, writing nothing", async () => {
    await actAs(admin);
    const [before] = await getDb().select().from(reminderSchedule);
    const bad = await updateReminderSchedule(undefined, {
      enabled: true,
      steps: [
        { id: null, offsetDays: "-61", email: true, tone: "friendly" },
        { id: null, offsetDays: "1.5", email: true, tone: "firm" },
        { id: null, offsetDays: "366", email: true, tone: "loud" },
        { id: null, offsetDays: ["7"], email: true, tone: "firm" },
      ],
    });
    expect(bad.ok).toBe(false);
    expect(bad.fieldErrors).toEqual({
      "steps.0.offsetDays": [expect.stringContaining("-60 to 365")],
      "steps.1.offsetDays": [expect.stringContaining("whole days")],
      "steps.2.offsetDays": [expect.stringContaining("-60 to 365")],
      "steps.2.tone": ["Pick friendly or firm"],
      "steps.3.offsetDays": [expect.stringContaining("whole days")],
    });
    const clash = await updateReminderSchedule(undefined, {
      enabled: true,
      steps: [
        { id: null, offsetDays: "7", email: true, tone: "firm" },
        { id: null, offsetDays: "+7", email: true, tone: "firm" },
        { id: null, offsetDays: "30", email: false, sms: false, tone: "firm" },
      ],
    });
    expect(clash.fieldErrors).toEqual({ "steps.1.offsetDays": ["Step 1 already sends on this day"], "steps.2.email": ["Pick email, SMS or both"] });
    expect((await updateReminderSchedule(undefined, { enabled: true, steps: [] })).fieldErrors).toMatchObject({ steps: ["Add at least one step"] });
    const unknown = await updateReminderSchedule(undefined, { enabled: true, steps: [{ id: 999_999, offsetDays: 3, email: true, tone: "firm" }] });
    expect(unknown).toMatchObject({ ok: false, fieldErrors: { "steps.0.offsetDays": [expect.stringContaining("removed meanwhile")] } });
    expect(await getDb().select().from(reminderSchedule)).toEqual([before]);
  });
});
