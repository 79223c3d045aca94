import "server-only";
import { eq } from "drizzle-orm";
import type { Db, DbOrTx } from "@/db";
import { serviceRecordColumns } from "@/db/queries/columns";
import { invoiceItems, services, subscriptions } from "@/db/schema";
import { auditActor, changes, type Actor } from "@/lib/actor";
import { writeAudit } from "@/lib/audit";
import { DomainError, NotFoundError } from "@/lib/errors";
import type { ServiceInput } from "@/lib/validation/services";
import { announceService } from "./announce";
import { inTransaction } from "@/lib/transaction";

async function lockService(tx: DbOrTx, id: number) {
  const [row] = await tx.select(serviceRecordColumns).from(services).where(eq(services.id, id)).limit(1).for("update");
  if (!row) throw new NotFoundError("That service");
  return row;
}

/** Creates a service; an active one is announced by SMS to opted-in clients in the same transaction. */
export async function createService(db: Db, input: ServiceInput, actor: Actor): Promise<{ id: number; announced: number }> {
  return inTransaction(db, async (tx) => {
    const [res] = await tx.insert(services).values(input);
    const id = res.insertId;
    const announced = input.active ? await announceService(tx, { id, ...input }) : 0;
    await writeAudit(tx, { actor: auditActor(actor), action: "service.create", entityType: "service", entityId: id, after: { ...input, announcedTo: announced }, ip: actor.ip });
    return { id, announced };
  });
}

/**
 * Edits a service. Turning an inactive service on announces it, like creating
 * it active would; clients who already got this service's announcement are
 * not texted again.
 */
export async function updateService(db: Db, id: number, input: ServiceInput, actor: Actor): Promise<{ id: number; announced: number }> {
  return inTransaction(db, async (tx) => {
    const before = await lockService(tx, id);
    const diff = changes(before, input);
    if (!diff) return { id, announced: 0 };
    await tx.update(services).set(input).where(eq(services.id, id));
    const activated = !before.active && input.active && !before.archivedAt;
    const announced = activated ? await announceService(tx, { id, ...input }) : 0;
    await writeAudit(tx, {
      actor: auditActor(actor),
      action: "service.update",
      entityType: "service",
      entityId: id,
      before: diff.before,
      after: { ...diff.after, ...(activated ? { announcedTo: announced } : {}) },
      ip: actor.ip,
    });
    return { id, announced };
  });
}

export async function archiveService(db: Db, id: number, actor: Actor): Promise<void> {
  await inTransaction(db, async (tx) => {
    const before = await lockService(tx, id);
    if (before.archivedAt) throw new DomainError("This service is already archived.");
    const archivedAt = new Date();
    await tx.update(services).set({ archivedAt }).where(eq(services.id, id));
    await writeAudit(tx, {
      actor: auditActor(actor),
      action: "service.archive",
      entityType: "service",
      entityId: id,
      before: { archivedAt: null },
      after: { archivedAt: archivedAt.toISOString() },
      ip: actor.ip,
    });
  });
}

export async function restoreService(db: Db, id: number, actor: Actor): Promise<void> {
  await inTransaction(db, async (tx) => {
    const before = await lockService(tx, id);
    if (!before.archivedAt) throw new DomainError("This service is not archived.");
    await tx.update(services).set({ archivedAt: null }).where(eq(services.id, id));
    await writeAudit(tx, {
      actor: auditActor(actor),
      action: "service.restore",
      entityType: "service",
      entityId: id,
      before: { archivedAt: before.archivedAt.toISOString() },
      after: { archivedAt: null },
      ip: actor.ip,
    });
  });
}

/** Permanent deletion, only for a service nobody subscribed to and no invoice line names. */
export async function deleteService(db: Db, id: number, actor: Actor): Promise<void> {
  await inTransaction(db, async (tx) => {
    const before = await lockService(tx, id);
    const [sub] = await tx.select({ id: subscriptions.id }).from(subscriptions).where(eq(subscriptions.serviceId, id)).limit(1);
    const [line] = await tx.select({ id: invoiceItems.id }).from(invoiceItems).where(eq(invoiceItems.serviceId, id)).limit(1);
    if (sub || line) throw new DomainError("This service has subscriptions or invoices, so it can only be archived.");
    await tx.delete(services).where(eq(services.id, id));
    const { archivedAt, ...rest } = before;
    await writeAudit(tx, {
      actor: auditActor(actor),
      action: "service.delete",
      entityType: "service",
      entityId: id,
      before: { ...rest, archivedAt: archivedAt?.toISOString() ?? null },
      after: null,
      ip: actor.ip,
    });
  });
}
