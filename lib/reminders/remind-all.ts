import "server-only";
import { and, asc, count, eq, gt, isNotNull, ne, notExists, or, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { unpaidInvoicesWhere } from "@/db/queries/unpaid";
import { clients, invoiceReminders, invoices, outbox } from "@/db/schema";
import type { Actor } from "@/lib/actor";
import { readBusinessToday } from "@/lib/business-time";
import { now as clockNow } from "@/lib/clock";
import { REMIND_ALL_MAX } from "@/lib/validation/choices";
import { sendReminders } from "./send-reminders";

export type RemindAllResult = {
  queued: number;
  /** Already reminded today on every channel the client can take, or no email or SMS to send to. */
  skipped: number;
  /** Still to remind today after this run: pressing again reaches them. */
  remaining: number;
};

/**
 * Reminds every client the unpaid page lists on its filter (every open
 * invoice, or the overdue ones only), chosen here rather than by the browser,
 * through sendReminders: each invoice is locked, re-checked and queued in its
 * own transaction, at most once per channel per day.
 * A run takes at most `max` invoices, so it ends well within a request's
 * time. Only invoices with a channel not yet used today are picked, most
 * overdue first, so the next press reaches the next ones rather than skipping
 * the same ones again.
 */
export async function remindAllUnpaid(db: Db, options: { overdueOnly: boolean; max?: number }, actor: Actor, now: Date = clockNow()): Promise<RemindAllResult> {
  const { overdueOnly, max = REMIND_ALL_MAX } = options;
  const day = await readBusinessToday(db, now);
  const owing = and(unpaidInvoicesWhere(overdueOnly, day), gt(invoices.totalMinor, invoices.amountPaidMinor));
  const unsent = (channel: "email" | "sms") =>
    and(
      // reminderKey(invoice, channel, day), in SQL: a reminder a person sent today.
      notExists(
        db
          .select({ one: sql`1` })
          .from(outbox)
          .where(eq(outbox.idempotencyKey, sql`concat('reminder:', ${invoices.id}, ${`:${day}:${channel}`})`)),
      ),
      // The automatic schedule's reminder today on that channel.
      notExists(
        db
          .select({ one: sql`1` })
          .from(invoiceReminders)
          .where(and(eq(invoiceReminders.invoiceId, invoices.id), eq(invoiceReminders.day, day), sql`find_in_set(${channel}, ${invoiceReminders.channels})`)),
      ),
    );
  // The channels remindOne uses: email when there is an address, SMS with consent and a number.
  const due = or(and(isNotNull(clients.email), ne(clients.email, ""), unsent("email")), and(eq(clients.smsOptIn, true), isNotNull(clients.phone), ne(clients.phone, ""), unsent("sms")));

  const [[counts], picked] = await Promise.all([
    db
      .select({ open: count(), due: sql<string | number | null>`sum(case when ${due} then 1 else 0 end)` })
      .from(invoices)
      .innerJoin(clients, eq(clients.id, invoices.clientId))
      .where(owing),
    db.select({ id: invoices.id }).from(invoices).innerJoin(clients, eq(clients.id, invoices.clientId)).where(and(owing, due)).orderBy(asc(invoices.dueDate), asc(invoices.id)).limit(max),
  ]);
  const open = Number(counts?.open ?? 0);
  const dueCount = Number(counts?.due ?? 0);
  const sent = picked.length ? await sendReminders(db, { invoiceIds: picked.map((r) => r.id) }, actor, now) : { queued: 0, skipped: 0 };
  return {
    queued: sent.queued,
    skipped: sent.skipped + Math.max(0, open - dueCount),
    remaining: Math.max(0, dueCount - picked.length),
  };
}
