import "server-only";
import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import type { Db, DbOrTx } from "@/db";
import { preparedFor } from "@/db/prepared";
import { reminderSchedule, reminderSteps } from "@/db/schema";
import { auditActor, type Actor } from "@/lib/actor";
import { writeAudit } from "@/lib/audit";
import { DomainError } from "@/lib/errors";
import { inTransaction } from "@/lib/transaction";
import type { ReminderScheduleInput } from "@/lib/validation/reminders";
import type { ScheduleStep } from "./steps";

/** A step as the settings form shows it: a saved one has an id, a default not yet saved has none. */
export type EditableStep = Omit<ScheduleStep, "id"> & { id: number | null };
export type ReminderScheduleView = { enabled: boolean; steps: EditableStep[]; saved: boolean };

/** The schedule a fresh install offers: a friendly note 3 days before, then firmer ones a week and three weeks after. Off until an admin turns it on. */
export const DEFAULT_STEPS: readonly Omit<ScheduleStep, "id">[] = [
  { offsetDays: -3, email: true, sms: false, tone: "friendly" },
  { offsetDays: 7, email: true, sms: true, tone: "firm" },
  { offsetDays: 21, email: true, sms: true, tone: "firm" },
];

const stepColumns = { id: reminderSteps.id, offsetDays: reminderSteps.offsetDays, email: reminderSteps.email, sms: reminderSteps.sms, tone: reminderSteps.tone };

/** The saved steps (not removed), in the order of their day. */
export async function readActiveSteps(db: DbOrTx): Promise<ScheduleStep[]> {
  return db.select(stepColumns).from(reminderSteps).where(isNull(reminderSteps.removedAt)).orderBy(asc(reminderSteps.offsetDays));
}

// Every invoice page reads it: built once on the pool (db/prepared.ts).
const activeScheduleQuery = preparedFor((db) =>
  db
    .select({ enabled: reminderSchedule.enabled, step: stepColumns })
    .from(reminderSchedule)
    .leftJoin(reminderSteps, isNull(reminderSteps.removedAt))
    .where(eq(reminderSchedule.id, 1))
    .orderBy(asc(reminderSteps.offsetDays))
    .prepare(),
);

/** The switch and the saved steps in one read (no schedule row: off, no steps), for a page that shows what comes next. */
export async function readActiveSchedule(db: DbOrTx): Promise<{ enabled: boolean; steps: ScheduleStep[] }> {
  const rows = await activeScheduleQuery(db).execute();
  return { enabled: rows[0]?.enabled ?? false, steps: rows.flatMap((r) => (r.step ? [r.step] : [])) };
}

export async function readScheduleEnabled(db: DbOrTx): Promise<boolean> {
  const [row] = await db.select({ enabled: reminderSchedule.enabled }).from(reminderSchedule).where(eq(reminderSchedule.id, 1)).limit(1);
  return row?.enabled ?? false;
}

/** What the settings page edits: the saved schedule, or the default one (off) before anyone saved it. */
export async function readReminderSchedule(db: DbOrTx): Promise<ReminderScheduleView> {
  const [enabled, steps] = await Promise.all([readScheduleEnabled(db), readActiveSteps(db)]);
  const [row] = await db.select({ id: reminderSchedule.id }).from(reminderSchedule).where(eq(reminderSchedule.id, 1)).limit(1);
  if (!row && steps.length === 0) return { enabled: false, steps: DEFAULT_STEPS.map((s) => ({ ...s, id: null })), saved: false };
  return { enabled, steps, saved: true };
}

const summary = (s: Omit<ScheduleStep, "id"> & { id: number | null }) => ({ id: s.id, offsetDays: s.offsetDays, email: s.email, sms: s.sms, tone: s.tone });

/**
 * Saves the switch and the steps in one transaction, audited as one change.
 * A step sent with its id keeps that id (so invoices it already reminded are
 * not reminded again), a step without one is added, and a saved step left
 * out is removed (stamped, so history naming it still resolves). Steps are
 * kept in the order of their day.
 */
export async function saveReminderSchedule(db: Db, input: ReminderScheduleInput, actor: Actor, now: Date = new Date()): Promise<void> {
  await inTransaction(db, async (tx) => {
    // The schedule row is the lock that makes two admins' saves take turns.
    await tx
      .insert(reminderSchedule)
      .values({ id: 1, enabled: false })
      .onDuplicateKeyUpdate({ set: { id: 1 } });
    const [current] = await tx.select({ enabled: reminderSchedule.enabled }).from(reminderSchedule).where(eq(reminderSchedule.id, 1)).for("update");
    const before = await readActiveSteps(tx);
    const known = new Set(before.map((s) => s.id));
    const ordered = [...input.steps].sort((a, b) => a.offsetDays - b.offsetDays);
    const fieldErrors: Record<string, string[]> = {};
    input.steps.forEach((s, i) => {
      if (s.id !== null && !known.has(s.id)) fieldErrors[`steps.${i}.offsetDays`] = ["This step was removed meanwhile. Reload the page and try again"];
    });
    if (Object.keys(fieldErrors).length) throw new DomainError("The schedule changed since you opened it.", fieldErrors);

    const kept = new Set(ordered.flatMap((s) => (s.id === null ? [] : [s.id])));
    const removed = before.filter((s) => !kept.has(s.id)).map((s) => s.id);
    if (removed.length)
      await tx
        .update(reminderSteps)
        .set({ removedAt: now })
        .where(and(inArray(reminderSteps.id, removed), isNull(reminderSteps.removedAt)));
    const after: EditableStep[] = [];
    for (const [position, s] of ordered.entries()) {
      const values = { position, offsetDays: s.offsetDays, email: s.email, sms: s.sms, tone: s.tone };
      if (s.id === null) {
        const [row] = await tx.insert(reminderSteps).values(values).$returningId();
        after.push({ ...values, id: row!.id });
      } else {
        await tx.update(reminderSteps).set(values).where(eq(reminderSteps.id, s.id));
        after.push({ ...values, id: s.id });
      }
    }
    await tx.update(reminderSchedule).set({ enabled: input.enabled }).where(eq(reminderSchedule.id, 1));
    const was = { enabled: current?.enabled ?? false, steps: before.map(summary) };
    const now_ = { enabled: input.enabled, steps: after.map(summary) };
    if (JSON.stringify(was) === JSON.stringify(now_)) return;
    await writeAudit(tx, { actor: auditActor(actor), action: "reminders.schedule_update", entityType: "settings", entityId: 1, before: was, after: now_, ip: actor.ip });
  });
}
