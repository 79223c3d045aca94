import "server-only";
import { and, asc, eq, gt, inArray, isNull, lte, notExists, or, sql } from "drizzle-orm";
import type { Db, Tx } from "@/db";
import { readSettings } from "@/db/queries/settings";
import { clientContactColumns, invoiceSummaryColumns } from "@/db/queries/columns";
import { auditLog, clients, invoiceLinks, invoiceReminders, invoices, outbox, reminderPauses } from "@/db/schema";
import { fillReminder, reminderStencil, type ReminderStencil } from "@/emails/scheduled-reminder-stencil";
import type { EmailCompany } from "@/emails/layout";
import { renderSms } from "@/emails/sms";
import { newToken } from "@/lib/auth/one-time-token";
import { now as clockNow } from "@/lib/clock";
import { addDaysIso, businessDay, daysBetween } from "@/lib/dates";
import { invoiceLinkUrl, LINK_TTL_DAYS } from "@/lib/invoices/links";
import { balanceDue } from "@/lib/money";
import { enqueueRendered, type RenderedMessage } from "@/lib/notify/enqueue-rendered";
import { withPlaceholders } from "@/lib/notify/message-secrets";
import { validateMessage } from "@/lib/notify/recipients";
import type { ScheduledReminderData } from "@/lib/notify/templates";
import { inTransaction } from "@/lib/transaction";
import { readActiveSteps, readScheduleEnabled } from "./schedule";
import { reminderKey } from "./send-reminders";
import { stepDue, type ScheduleStep, type SentStep } from "./steps";
import { isOpen, OPEN_STATUSES } from "@/lib/invoices/status";

export type ReminderRunResult = { enabled: boolean; day: string; invoices: number; messages: number };

/** Candidates read per page (ids and dates only). */
const SCAN = 2000;
/** Invoices locked and reminded per transaction. */
const CHUNK = 250;

/** One outbox key per invoice, step and channel: the outbox refuses a second. */
export const scheduledReminderKey = (invoiceId: number, stepId: number, channel: "email" | "sms") => `dunning:${invoiceId}:${stepId}:${channel}`;

type RunContext = { steps: ScheduleStep[]; today: string; company: EmailCompany; stencils: Record<ScheduleStep["tone"], ReminderStencil>; now: Date };

/**
 * The daily dunning run: for every open invoice (sent or partly paid, with a
 * balance) of a client not archived, neither paused, it queues the step of
 * the schedule the invoice has reached on the business's `today` (lib/reminders/steps:
 * the latest one reached, once, never an earlier one after a later one), by
 * email and, when the step says so, SMS to opted-in clients, each with a
 * fresh signed Pay-now link. Nothing happens while the schedule is off.
 *
 * Set-based: one indexed scan finds the candidates, then each chunk of
 * invoices is one transaction that locks them (a payment landing meanwhile
 * waits, or wins and the invoice is skipped), re-reads what was already sent,
 * and writes the reminder rows, links, outbox messages and audit rows in a
 * few multi-row inserts. The invoice locks and UNIQUE(invoice_id, step_id)
 * make any number of concurrent runs queue each step once.
 */
export async function runReminderSchedule(db: Db, options: { today?: string; now?: Date } = {}): Promise<ReminderRunResult> {
  const now = options.now ?? clockNow();
  const settings = await readSettings(db);
  const today = options.today ?? businessDay(settings.timeZone, now);
  const result: ReminderRunResult = { enabled: false, day: today, invoices: 0, messages: 0 };
  if (!(await readScheduleEnabled(db))) return result;
  result.enabled = true;
  const steps = await readActiveSteps(db);
  if (steps.length === 0) return result;
  const company: EmailCompany = { name: settings.companyName, address: settings.companyAddress, locale: settings.locale, timeZone: settings.timeZone };
  const ctx: RunContext = { steps, today, company, now, stencils: { friendly: await reminderStencil("friendly", company), firm: await reminderStencil("firm", company) } };
  // No invoice due after this has reached the first step.
  const latestDue = addDaysIso(today, -steps[0]!.offsetDays);

  let afterId = 0;
  for (;;) {
    const page = await db
      .select({
        id: invoices.id,
        dueDate: invoices.dueDate,
        latestSent: sql<number | null>`(select max(${invoiceReminders.offsetDays}) from ${invoiceReminders} where ${invoiceReminders.invoiceId} = ${invoices.id})`,
      })
      .from(invoices)
      .innerJoin(clients, eq(clients.id, invoices.clientId))
      .where(
        and(
          inArray(invoices.status, [...OPEN_STATUSES]),
          gt(invoices.totalMinor, invoices.amountPaidMinor),
          lte(invoices.dueDate, latestDue),
          gt(invoices.id, afterId),
          isNull(clients.archivedAt),
          notExists(
            db
              .select({ one: sql`1` })
              .from(reminderPauses)
              .where(or(eq(reminderPauses.invoiceId, invoices.id), eq(reminderPauses.clientId, invoices.clientId))),
          ),
        ),
      )
      .orderBy(asc(invoices.id))
      .limit(SCAN);
    const due = page.filter((r) => stepDue(steps, r.dueDate, today, r.latestSent === null ? [] : [{ stepId: 0, offsetDays: Number(r.latestSent) }]) !== null).map((r) => r.id);
    for (let i = 0; i < due.length; i += CHUNK) {
      const done = await inTransaction(db, (tx) => remindChunk(tx, due.slice(i, i + CHUNK), ctx));
      result.invoices += done.invoices;
      result.messages += done.messages;
    }
    if (page.length < SCAN) break;
    afterId = page[page.length - 1]!.id;
  }
  return result;
}

async function remindChunk(tx: Tx, ids: number[], ctx: RunContext): Promise<{ invoices: number; messages: number }> {
  // Locked in id order, as every run takes them: a payment or another run waits here.
  const locked = await tx
    .select({ ...invoiceSummaryColumns, clientId: invoices.clientId })
    .from(invoices)
    .where(inArray(invoices.id, ids))
    .orderBy(asc(invoices.id))
    .for("update");
  if (locked.length === 0) return { invoices: 0, messages: 0 };
  const clientIds = [...new Set(locked.map((r) => r.clientId))];
  // Plain reads, taken after the locks: every run writes reminders for an invoice only while holding its lock.
  const [people, pauses, sentRows, remindedByHand] = await Promise.all([
    tx.select(clientContactColumns).from(clients).where(inArray(clients.id, clientIds)),
    tx
      .select({ invoiceId: reminderPauses.invoiceId, clientId: reminderPauses.clientId })
      .from(reminderPauses)
      .where(or(inArray(reminderPauses.invoiceId, ids), inArray(reminderPauses.clientId, clientIds))),
    tx
      .select({ invoiceId: invoiceReminders.invoiceId, stepId: invoiceReminders.stepId, offsetDays: invoiceReminders.offsetDays })
      .from(invoiceReminders)
      .where(inArray(invoiceReminders.invoiceId, ids)),
    // Reminders a person sent today (lib/reminders/send-reminders.ts): a channel
    // already used today waits, and the step goes out on a later run.
    tx
      .select({ key: outbox.idempotencyKey })
      .from(outbox)
      .where(
        inArray(
          outbox.idempotencyKey,
          ids.flatMap((id) => [reminderKey(id, "email", ctx.today), reminderKey(id, "sms", ctx.today)]),
        ),
      ),
  ]);
  const handKeys = new Set(remindedByHand.map((r) => r.key));
  const clientById = new Map(people.map((c) => [c.id, c]));
  const pausedInvoices = new Set(pauses.flatMap((p) => (p.invoiceId === null ? [] : [p.invoiceId])));
  const pausedClients = new Set(pauses.flatMap((p) => (p.clientId === null ? [] : [p.clientId])));
  const sentBy = new Map<number, SentStep[]>();
  for (const s of sentRows) sentBy.set(s.invoiceId, [...(sentBy.get(s.invoiceId) ?? []), s]);

  const reminderRows: (typeof invoiceReminders.$inferInsert)[] = [];
  const linkRows: (typeof invoiceLinks.$inferInsert)[] = [];
  const auditRows: (typeof auditLog.$inferInsert)[] = [];
  const messages: RenderedMessage[] = [];
  const expiresAt = new Date(ctx.now.getTime() + LINK_TTL_DAYS * 86_400_000);

  for (const inv of locked) {
    const client = clientById.get(inv.clientId);
    // Re-checked under the lock: paid, voided, archived or paused since the scan means no reminder.
    if (!client || client.archivedAt || !isOpen(inv.status)) continue;
    const balanceMinor = balanceDue(inv.totalMinor, inv.amountPaidMinor);
    if (balanceMinor <= 0 || pausedInvoices.has(inv.id) || pausedClients.has(inv.clientId)) continue;
    const step = stepDue(ctx.steps, inv.dueDate, ctx.today, sentBy.get(inv.id) ?? []);
    if (!step) continue;
    const template = step.tone === "friendly" ? ("reminder_friendly" as const) : ("reminder_firm" as const);
    const targets: { channel: "email" | "sms"; to: string }[] = [];
    if (step.email && client.email) targets.push({ channel: "email", to: client.email });
    // SMS only with the client's consent and a number to send to.
    if (step.sms && client.smsOptIn && client.phone) targets.push({ channel: "sms", to: client.phone });
    const valid = targets.flatMap((t) => {
      if (handKeys.has(reminderKey(inv.id, t.channel, ctx.today))) return [];
      try {
        return [{ ...t, message: validateMessage({ channel: t.channel, to: t.to, idempotencyKey: scheduledReminderKey(inv.id, step.id, t.channel) }, template) }];
      } catch (error) {
        console.warn(`[reminders] invoice ${inv.id}: ${t.channel} skipped: ${error instanceof Error ? error.message : String(error)}`);
        return [];
      }
    });
    if (valid.length === 0) continue;

    const { token, hash } = newToken();
    linkRows.push({ invoiceId: inv.id, tokenHash: hash, expiresAt, createdBy: null });
    const data: ScheduledReminderData = {
      clientName: client.name,
      invoiceNumber: inv.number ?? `#${inv.id}`,
      balanceMinor,
      currency: inv.currency,
      dueDate: inv.dueDate,
      daysFromDue: daysBetween(inv.dueDate, ctx.today),
      // A fresh signed link, so the reminder can be paid from at once.
      link: invoiceLinkUrl(token),
    };
    for (const v of valid) {
      const sealed = withPlaceholders(template, data);
      const content =
        v.channel === "email" ? fillReminder(ctx.stencils[step.tone], step.tone, sealed.data, ctx.company) : { subject: null, html: null, text: renderSms(template, sealed.data, ctx.company) };
      messages.push({ message: v.message, template, data: sealed.data, values: sealed.values, content, related: { type: "invoice", id: inv.id }, clientId: inv.clientId });
    }
    const channels = valid.map((v) => v.channel);
    reminderRows.push({ invoiceId: inv.id, stepId: step.id, offsetDays: step.offsetDays, day: ctx.today, channels: channels.join(",") });
    auditRows.push({
      actorUserId: null,
      actorRole: "system",
      action: "invoice.remind",
      entityType: "invoice",
      entityId: inv.id,
      before: null,
      after: {
        channels,
        balanceMinor,
        currency: inv.currency,
        daysOverdue: Math.max(0, data.daysFromDue),
        day: ctx.today,
        step: { id: step.id, offsetDays: step.offsetDays, tone: step.tone },
        automatic: true,
      },
      ip: null,
    });
  }
  if (reminderRows.length === 0) return { invoices: 0, messages: 0 };
  // The unique (invoice, step) key is the last word: a duplicate fails the chunk rather than sending twice.
  await tx.insert(invoiceReminders).values(reminderRows);
  await tx.insert(invoiceLinks).values(linkRows);
  await enqueueRendered(tx, messages);
  await tx.insert(auditLog).values(auditRows);
  return { invoices: reminderRows.length, messages: messages.length };
}
