import "server-only";
import { and, eq, isNull, isNotNull } from "drizzle-orm";
import type { Db, DbOrTx } from "@/db";
import { clientRecordColumns } from "@/db/queries/columns";
import { readSettings } from "@/db/queries/settings";
import { clients, invoices, payments, subscriptions } from "@/db/schema";
import { auditActor, changes, type Actor } from "@/lib/actor";
import { writeAudit } from "@/lib/audit";
import { DomainError, NotFoundError } from "@/lib/errors";
import { applyClientChange } from "@/lib/rollups/clients";
import { endSubscriptionsForArchive } from "@/lib/subscriptions/end-for-archive";
import type { ClientInput } from "@/lib/validation/clients";
import { inTransaction } from "@/lib/transaction";

// Create, edit, archive, restore and delete a client. Each change and its
// audit row commit in one transaction.

async function lockClient(tx: DbOrTx, id: number) {
  const [row] = await tx.select(clientRecordColumns).from(clients).where(eq(clients.id, id)).limit(1).for("update");
  if (!row) throw new NotFoundError("That client");
  return row;
}

export async function createClient(db: Db, input: ClientInput, actor: Actor): Promise<{ id: number }> {
  return inTransaction(db, async (tx) => {
    const values = { ...input, currency: input.currency ?? (await readSettings(tx)).defaultCurrency };
    const [res] = await tx.insert(clients).values(values);
    const id = res.insertId;
    await applyClientChange(tx, id, "create");
    await writeAudit(tx, { actor: auditActor(actor), action: "client.create", entityType: "client", entityId: id, after: { ...values }, ip: actor.ip });
    return { id };
  });
}

export async function updateClient(db: Db, id: number, input: ClientInput, actor: Actor): Promise<{ id: number }> {
  return inTransaction(db, async (tx) => {
    const before = await lockClient(tx, id);
    const { currency, ...rest } = input;
    const values = currency === undefined ? rest : { ...rest, currency };
    const diff = changes(before, values);
    if (!diff) return { id };
    await tx.update(clients).set(values).where(eq(clients.id, id));
    await writeAudit(tx, { actor: auditActor(actor), action: "client.update", entityType: "client", entityId: id, ...diff, ip: actor.ip });
    return { id };
  });
}

/**
 * Archiving hides a client from lists and pickers and ends its running
 * subscriptions (so billing stops); its invoices and payments stay.
 */
export async function archiveClient(db: Db, id: number, actor: Actor): Promise<void> {
  await inTransaction(db, async (tx) => {
    const before = await lockClient(tx, id);
    if (before.archivedAt) throw new DomainError("This client is already archived.");
    const archivedAt = new Date();
    await tx
      .update(clients)
      .set({ archivedAt })
      .where(and(eq(clients.id, id), isNull(clients.archivedAt)));
    await applyClientChange(tx, id, "archive");
    await writeAudit(tx, {
      actor: auditActor(actor),
      action: "client.archive",
      entityType: "client",
      entityId: id,
      before: { archivedAt: null },
      after: { archivedAt: archivedAt.toISOString() },
      ip: actor.ip,
    });
    await endSubscriptionsForArchive(tx, id, archivedAt, actor);
  });
}

/** Restoring brings the client back; subscriptions ended by archiving stay ended. */
export async function restoreClient(db: Db, id: number, actor: Actor): Promise<void> {
  await inTransaction(db, async (tx) => {
    const before = await lockClient(tx, id);
    if (!before.archivedAt) throw new DomainError("This client is not archived.");
    await tx
      .update(clients)
      .set({ archivedAt: null })
      .where(and(eq(clients.id, id), isNotNull(clients.archivedAt)));
    await applyClientChange(tx, id, "restore");
    await writeAudit(tx, {
      actor: auditActor(actor),
      action: "client.restore",
      entityType: "client",
      entityId: id,
      before: { archivedAt: before.archivedAt.toISOString() },
      after: { archivedAt: null },
      ip: actor.ip,
    });
  });
}

/** Permanent deletion, only for a client with no financial history and no portal login. */
export async function deleteClient(db: Db, id: number, actor: Actor): Promise<void> {
  await inTransaction(db, async (tx) => {
    const before = await lockClient(tx, id);
    // Sequential on purpose: one transaction runs one statement at a time.
    const [inv] = await tx.select({ id: invoices.id }).from(invoices).where(eq(invoices.clientId, id)).limit(1);
    const [pay] = await tx.select({ id: payments.id }).from(payments).where(eq(payments.clientId, id)).limit(1);
    const [sub] = await tx.select({ id: subscriptions.id }).from(subscriptions).where(eq(subscriptions.clientId, id)).limit(1);
    if (inv || pay || sub) throw new DomainError("This client has invoices, payments or subscriptions, so it can only be archived.");
    if (before.userId) throw new DomainError("This client has a portal login, so it can only be archived.");
    // Before the delete: the rollup reads the day from the row.
    await applyClientChange(tx, id, "delete");
    await tx.delete(clients).where(eq(clients.id, id));
    const { archivedAt, ...rest } = before;
    await writeAudit(tx, {
      actor: auditActor(actor),
      action: "client.delete",
      entityType: "client",
      entityId: id,
      before: { ...rest, archivedAt: archivedAt?.toISOString() ?? null },
      after: null,
      ip: actor.ip,
    });
  });
}
