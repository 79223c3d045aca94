import { boolean, date, index, mysqlEnum, mysqlTable, smallint, tinyint, uniqueIndex, varchar } from "drizzle-orm/mysql-core";
import { createdAt, id, ref, timestamp, updatedAt } from "./columns";

// Automatic payment reminders (a dunning schedule): lib/reminders/.

export const reminderTones = ["friendly", "firm"] as const;
export type ReminderTone = (typeof reminderTones)[number];

// A single row (id = 1): whether the schedule runs. No row means off, the fresh-install default.
export const reminderSchedule = mysqlTable("reminder_schedule", {
  id: tinyint("id", { unsigned: true }).primaryKey(),
  enabled: boolean("enabled").notNull().default(false),
  updatedAt: updatedAt(),
});

// The schedule's steps. Ids are stable: editing a step keeps its id, so an
// invoice already reminded at that step isn't reminded again; removing one
// stamps removed_at, so the history that names it still resolves.
export const reminderSteps = mysqlTable(
  "reminder_steps",
  {
    id: id(),
    position: smallint("position").notNull(),
    // Days from the due date: -3 is three days before it, 7 a week after.
    offsetDays: smallint("offset_days").notNull(),
    email: boolean("email").notNull().default(true),
    // Only to clients who opted in to SMS and have a number.
    sms: boolean("sms").notNull().default(false),
    tone: mysqlEnum("tone", reminderTones).notNull(),
    removedAt: timestamp("removed_at"),
    createdAt: createdAt(),
  },
  (t) => [index("reminder_steps_active_idx").on(t.removedAt, t.position)],
);

// One row per invoice per step reminded: the unique key is what makes each
// step fire at most once per invoice, however many runners there are.
export const invoiceReminders = mysqlTable(
  "invoice_reminders",
  {
    id: id(),
    invoiceId: ref("invoice_id").notNull(),
    stepId: ref("step_id").notNull(),
    // The step's offset when it was sent: a later step already sent holds back earlier ones.
    offsetDays: smallint("offset_days").notNull(),
    // The business's day it was queued on.
    day: date("day", { mode: "string" }).notNull(),
    channels: varchar("channels", { length: 20 }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("invoice_reminders_invoice_step_uq").on(t.invoiceId, t.stepId), index("invoice_reminders_invoice_offset_idx").on(t.invoiceId, t.offsetDays)],
);

// A client or an invoice kept out of automatic reminders, and why. Resuming deletes the row (both are audited).
export const reminderPauses = mysqlTable(
  "reminder_pauses",
  {
    id: id(),
    invoiceId: ref("invoice_id"),
    clientId: ref("client_id"),
    reason: varchar("reason", { length: 300 }).notNull(),
    pausedBy: ref("paused_by"),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("reminder_pauses_invoice_uq").on(t.invoiceId), uniqueIndex("reminder_pauses_client_uq").on(t.clientId)],
);
