import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db";
import { clients, invoices, reminderPauses } from "@/db/schema";
import { auditActor, type Actor } from "@/lib/actor";
import { writeAudit } from "@/lib/audit";
import { DomainError, NotFoundError } from "@/lib/errors";
import { inTransaction } from "@/lib/transaction";
import type { PauseRemindersInput, ResumeRemindersInput } from "@/lib/validation/reminders";

/**
 * Keeps an invoice, or every invoice of a client, out of automatic reminders
 * until resumed, with a reason the team sees. It locks the invoice (or
 * client) row, so a run reminding it either finishes first or sees the pause.
 * Manual reminders still go: a pause is about the schedule.
 */
export async function pauseReminders(db: Db, input: PauseRemindersInput, actor: Actor): Promise<void> {
  await inTransaction(db, async (tx) => {
    const table = input.target === "invoice" ? invoices : clients;
    const [row] = await tx.select({ id: table.id }).from(table).where(eq(table.id, input.id)).limit(1).for("update");
    if (!row) throw new NotFoundError(input.target === "invoice" ? "That invoice" : "That client");
    const column = input.target === "invoice" ? reminderPauses.invoiceId : reminderPauses.clientId;
    const [existing] = await tx.select({ id: reminderPauses.id }).from(reminderPauses).where(eq(column, input.id)).limit(1);
    if (existing) throw new DomainError(`Reminders for this ${input.target} are already paused.`);
    await tx.insert(reminderPauses).values({ [input.target === "invoice" ? "invoiceId" : "clientId"]: input.id, reason: input.reason, pausedBy: actor.id });
    await writeAudit(tx, { actor: auditActor(actor), action: `${input.target}.reminders_pause`, entityType: input.target, entityId: input.id, after: { reason: input.reason }, ip: actor.ip });
  });
}

/** Lifts a pause: from the next run, the invoice gets the latest step it has reached (never every step it missed). */
export async function resumeReminders(db: Db, input: ResumeRemindersInput, actor: Actor): Promise<void> {
  await inTransaction(db, async (tx) => {
    const table = input.target === "invoice" ? invoices : clients;
    const [row] = await tx.select({ id: table.id }).from(table).where(eq(table.id, input.id)).limit(1).for("update");
    if (!row) throw new NotFoundError(input.target === "invoice" ? "That invoice" : "That client");
    const column = input.target === "invoice" ? reminderPauses.invoiceId : reminderPauses.clientId;
    const [pause] = await tx.select({ id: reminderPauses.id, reason: reminderPauses.reason }).from(reminderPauses).where(eq(column, input.id)).limit(1);
    if (!pause) throw new DomainError(`Reminders for this ${input.target} are not paused.`);
    await tx.delete(reminderPauses).where(and(eq(reminderPauses.id, pause.id), eq(column, input.id)));
    await writeAudit(tx, { actor: auditActor(actor), action: `${input.target}.reminders_resume`, entityType: input.target, entityId: input.id, before: { reason: pause.reason }, ip: actor.ip });
  });
}
