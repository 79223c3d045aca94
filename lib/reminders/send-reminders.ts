import "server-only";
import { and, asc, eq, gt, inArray, or, type SQL } from "drizzle-orm";
import type { Db, Tx } from "@/db";
import { invoiceSummaryColumns } from "@/db/queries/columns";
import { clients, invoiceReminders, invoices, outbox } from "@/db/schema";
import { auditActor, type Actor } from "@/lib/actor";
import { writeAudit } from "@/lib/audit";
import { readBusinessToday } from "@/lib/business-time";
import { now as clockNow } from "@/lib/clock";
import { daysBetween } from "@/lib/dates";
import { balanceDue } from "@/lib/money";
import { createInvoiceLink } from "@/lib/invoices/links";
import { enqueue } from "@/lib/notify/enqueue";
import { inTransaction } from "@/lib/transaction";
import { isOpen, OPEN_STATUSES } from "@/lib/invoices/status";

export type ReminderTarget = { invoiceIds?: number[]; clientIds?: number[] };
export type ReminderResult = { queued: number; skipped: number };

/** The per-day idempotency key: a second reminder for one invoice on one day stores nothing. */
export function reminderKey(invoiceId: number, channel: "email" | "sms", day: string): string {
  return `reminder:${invoiceId}:${day}:${channel}`;
}

/**
 * Queues a payment reminder for every open invoice (sent or partially paid,
 * with a balance) among the given invoices and the given clients' invoices:
 * an email when the client has an address, and an SMS when it opted in and
 * has a phone. Each invoice gets at most one reminder per channel per business
 * day (in the business's time zone), whether the automatic schedule or a
 * person sent it (lib/reminders/run.ts keeps the same rule the other way),
 * and days overdue count in that day too.
 * Each invoice is its own transaction, so its outbox rows, its new signed
 * "Pay now" link and its audit row commit together. An invoice counts as
 * skipped when it was already reminded today or its client can't be reached.
 */
export async function sendReminders(db: Db, target: ReminderTarget, actor: Actor, now: Date = clockNow()): Promise<ReminderResult> {
  const scope: SQL[] = [];
  if (target.invoiceIds?.length) scope.push(inArray(invoices.id, target.invoiceIds));
  if (target.clientIds?.length) scope.push(inArray(invoices.clientId, target.clientIds));
  if (scope.length === 0) return { queued: 0, skipped: 0 };

  const candidates = await db
    .select({ id: invoices.id })
    .from(invoices)
    .where(and(or(...scope), inArray(invoices.status, [...OPEN_STATUSES]), gt(invoices.totalMinor, invoices.amountPaidMinor)))
    .orderBy(asc(invoices.clientId), asc(invoices.dueDate), asc(invoices.id));

  const day = await readBusinessToday(db, now);
  let queued = 0;
  let skipped = 0;
  for (const { id } of candidates) {
    const sent = await inTransaction(db, (tx) => remindOne(tx, id, day, actor));
    if (sent) queued += 1;
    else skipped += 1;
  }
  return { queued, skipped };
}

async function remindOne(tx: Tx, invoiceId: number, day: string, actor: Actor): Promise<boolean> {
  // Locks the invoice, re-read now (a payment may have landed since the scan).
  // Two people reminding the same invoice at once then queue here instead of
  // racing on the outbox's idempotency key, where they would deadlock.
  const [row] = await tx
    .select({
      ...invoiceSummaryColumns,
      clientId: invoices.clientId,
      clientName: clients.name,
      email: clients.email,
      phone: clients.phone,
      smsOptIn: clients.smsOptIn,
    })
    .from(invoices)
    .innerJoin(clients, eq(clients.id, invoices.clientId))
    .where(eq(invoices.id, invoiceId))
    .limit(1)
    .for("update");
  if (!row || !isOpen(row.status)) return false;
  const balanceMinor = balanceDue(row.totalMinor, row.amountPaidMinor);
  if (balanceMinor <= 0) return false;

  // Which reminders are still due today. The invoice row is locked, so this
  // check and the inserts below can't interleave with another reminder run.
  const wanted: { channel: "email" | "sms"; to: string }[] = [];
  if (row.email) wanted.push({ channel: "email", to: row.email });
  // SMS only with the client's consent and a number to send to.
  if (row.smsOptIn && row.phone) wanted.push({ channel: "sms", to: row.phone });
  const keys = wanted.map((w) => reminderKey(row.id, w.channel, day));
  const [sent, scheduled] = await Promise.all([
    keys.length ? tx.select({ key: outbox.idempotencyKey }).from(outbox).where(inArray(outbox.idempotencyKey, keys)) : [],
    // The automatic schedule's reminders of today, on the channels it used.
    tx
      .select({ channels: invoiceReminders.channels })
      .from(invoiceReminders)
      .where(and(eq(invoiceReminders.invoiceId, row.id), eq(invoiceReminders.day, day))),
  ]);
  const scheduledToday = new Set(scheduled.flatMap((r) => r.channels.split(",")));
  const todo = wanted.filter((w, i) => !sent.some((s) => s.key === keys[i]) && !scheduledToday.has(w.channel));
  if (todo.length === 0) return false;

  const data = {
    clientName: row.clientName,
    invoiceNumber: row.number ?? `#${row.id}`,
    balanceMinor,
    currency: row.currency,
    dueDate: row.dueDate,
    daysOverdue: Math.max(0, daysBetween(row.dueDate, day)),
    // A fresh signed link, so the reminder can be paid from at once.
    link: await createInvoiceLink(tx, row.id, actor),
  };
  const related = { type: "invoice" as const, id: row.id };
  const channels: ("email" | "sms")[] = [];
  for (const w of todo) {
    const res = await enqueue(tx, { channel: w.channel, to: w.to, template: "payment_reminder", data, related, clientId: row.clientId, idempotencyKey: reminderKey(row.id, w.channel, day) });
    if (res.created) channels.push(w.channel);
  }
  if (channels.length === 0) return false;

  await writeAudit(tx, {
    actor: auditActor(actor),
    action: "invoice.remind",
    entityType: "invoice",
    entityId: row.id,
    after: { channels, balanceMinor, currency: row.currency, daysOverdue: data.daysOverdue, day },
    ip: actor.ip ?? null,
  });
  return true;
}
