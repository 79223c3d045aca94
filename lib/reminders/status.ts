import "server-only";
import { eq, or, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { preparedFor } from "@/db/prepared";
import { clients, invoiceReminders, invoices, reminderPauses, users } from "@/db/schema";
import { readActiveSchedule } from "./schedule";
import { nextStep, type ScheduleStep } from "./steps";

export type ReminderPause = { target: "invoice" | "client"; reason: string; pausedAt: Date; pausedBy: string | null };

/** What the automatic schedule will do next for one invoice, for its page. */
export type InvoiceReminderStatus = {
  /** The invoice's own pause and its client's, shown even when something else also stops reminders. */
  invoicePause: ReminderPause | null;
  clientPause: ReminderPause | null;
  sent: number;
} & ({ state: "next"; step: ScheduleStep; day: string } | { state: "off" | "not_open" | "archived" | "paused" | "done" | "no_steps" });

/** The invoice's and its client's columns the status depends on. */
export type ReminderInvoice = { id: number; status: string; dueDate: string; totalMinor: number; amountPaidMinor: number; clientId: number; archivedAt: Date | null };

async function readReminderInvoice(db: DbOrTx, invoiceId: number): Promise<ReminderInvoice | null> {
  const [invoice] = await db
    .select({
      id: invoices.id,
      status: invoices.status,
      dueDate: invoices.dueDate,
      totalMinor: invoices.totalMinor,
      amountPaidMinor: invoices.amountPaidMinor,
      clientId: invoices.clientId,
      archivedAt: clients.archivedAt,
    })
    .from(invoices)
    .innerJoin(clients, eq(clients.id, invoices.clientId))
    .where(eq(invoices.id, invoiceId))
    .limit(1);
  return invoice ?? null;
}

// Every invoice page reads these: built once on the pool (db/prepared.ts).
const pausesQuery = preparedFor((db) =>
  db
    .select({ invoiceId: reminderPauses.invoiceId, reason: reminderPauses.reason, pausedAt: reminderPauses.createdAt, pausedBy: users.name })
    .from(reminderPauses)
    .leftJoin(users, eq(users.id, reminderPauses.pausedBy))
    .where(or(eq(reminderPauses.invoiceId, sql.placeholder("invoiceId")), eq(reminderPauses.clientId, sql.placeholder("clientId"))))
    .prepare(),
);

const sentQuery = preparedFor((db) =>
  db
    .select({ stepId: invoiceReminders.stepId, offsetDays: invoiceReminders.offsetDays })
    .from(invoiceReminders)
    .where(eq(invoiceReminders.invoiceId, sql.placeholder("invoiceId")))
    .prepare(),
);

/**
 * The next scheduled step (its day and the step) for an invoice on the
 * business's `today`, or why there is none: the schedule is off, the invoice
 * is not open (draft, paid, void), its client is archived, it or its client
 * is paused, or every step is behind it. Null for an invoice that doesn't exist.
 * A page that has read the invoice (and its client's archivedAt) passes it
 * instead of its id.
 */
export async function readInvoiceReminderStatus(db: DbOrTx, invoiceOrId: number | ReminderInvoice, today: string): Promise<InvoiceReminderStatus | null> {
  const invoice = typeof invoiceOrId === "number" ? await readReminderInvoice(db, invoiceOrId) : invoiceOrId;
  if (!invoice) return null;
  const [{ enabled, steps }, pauses, sent] = await Promise.all([
    readActiveSchedule(db),
    pausesQuery(db).execute({ invoiceId: invoice.id, clientId: invoice.clientId }),
    sentQuery(db).execute({ invoiceId: invoice.id }),
  ]);
  const pauseOf = (target: "invoice" | "client"): ReminderPause | null => {
    const p = pauses.find((x) => (target === "invoice" ? x.invoiceId !== null : x.invoiceId === null));
    return p ? { target, reason: p.reason, pausedAt: p.pausedAt, pausedBy: p.pausedBy } : null;
  };
  const base = { invoicePause: pauseOf("invoice"), clientPause: pauseOf("client"), sent: sent.length };
  const open = (invoice.status === "sent" || invoice.status === "partially_paid") && invoice.totalMinor > invoice.amountPaidMinor;
  if (!open) return { ...base, state: "not_open" };
  if (!enabled) return { ...base, state: "off" };
  if (steps.length === 0) return { ...base, state: "no_steps" };
  if (invoice.archivedAt) return { ...base, state: "archived" };
  if (base.invoicePause || base.clientPause) return { ...base, state: "paused" };
  const next = nextStep(steps, invoice.dueDate, today, sent);
  return next ? { ...base, state: "next", step: next.step, day: next.day } : { ...base, state: "done" };
}

/** A client's pause, for the client page. */
export async function readClientReminderPause(db: DbOrTx, clientId: number): Promise<ReminderPause | null> {
  const [p] = await db
    .select({ reason: reminderPauses.reason, pausedAt: reminderPauses.createdAt, pausedBy: users.name })
    .from(reminderPauses)
    .leftJoin(users, eq(users.id, reminderPauses.pausedBy))
    .where(eq(reminderPauses.clientId, clientId))
    .limit(1);
  return p ? { target: "client", ...p } : null;
}
