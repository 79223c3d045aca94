import "server-only";
import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import type { DbOrTx, Tx } from "@/db";
import { clients, invoiceItems, invoices, services } from "@/db/schema";
import { writeAudit } from "@/lib/audit";
import { readBusinessToday } from "@/lib/business-time";
import { addDaysIso, daysBetween } from "@/lib/dates";
import { DomainError, NotFoundError } from "@/lib/errors";
import { invoiceTotals } from "@/lib/money";
import { inTransaction } from "@/lib/transaction";
import { auditActor, type ActorOrSystem } from "@/lib/actor";
import { applyInvoiceChange } from "@/lib/rollups/invoices";
import { invoiceFacts, lockInvoice } from "./lock";

export type DraftLine = { serviceId: number | null; description: string; quantityMilli: number; unitPriceMinor: number; taxRateBp: number };

export type DraftInput = {
  clientId: number;
  currency: string;
  issueDate: string;
  dueDate: string;
  discountMinor: number;
  notes: string | null;
  lines: DraftLine[];
  /** Subscription invoices name the subscription and the period they bill. */
  subscriptionId?: number | null;
  periodStart?: string | null;
  periodEnd?: string | null;
};

export const FROZEN_MESSAGE = "This invoice has been issued, so its lines and amounts are frozen. Void it and issue a new one to change them.";
export const MAX_LINES = 500;

function checkDraft(input: DraftInput) {
  if (input.lines.length === 0) throw new DomainError("Add at least one line.", { lines: ["Add at least one line"] });
  if (input.lines.length > MAX_LINES) throw new DomainError(`An invoice can have at most ${MAX_LINES} lines.`);
  if (input.dueDate < input.issueDate) throw new DomainError("Check the dates.", { dueDate: ["The due date can't be before the issue date"] });
  const totals = invoiceTotals(input.lines, input.discountMinor);
  if (input.discountMinor < 0 || totals.discountMinor !== input.discountMinor) {
    throw new DomainError("Check the discount.", { discount: ["The discount can't be more than the subtotal"] });
  }
  return totals;
}

/** The client must exist, and a new invoice can't go to an archived client. */
async function checkReferences(tx: Tx, input: DraftInput, allowArchivedClient: boolean) {
  const [client] = await tx.select({ id: clients.id, archivedAt: clients.archivedAt }).from(clients).where(eq(clients.id, input.clientId)).limit(1);
  if (!client) throw new DomainError("Choose a client.", { clientId: ["That client doesn't exist"] });
  if (client.archivedAt && !allowArchivedClient) throw new DomainError("That client is archived. Restore it before invoicing it.", { clientId: ["This client is archived"] });
  const serviceIds = [...new Set(input.lines.map((l) => l.serviceId).filter((v): v is number => v != null))];
  if (serviceIds.length > 0) {
    const found = await tx.select({ id: services.id }).from(services).where(inArray(services.id, serviceIds));
    if (found.length !== serviceIds.length) throw new DomainError("One of the services no longer exists. Pick it again or type the line.");
  }
}

async function writeLines(tx: Tx, invoiceId: number, lines: DraftLine[], totals: ReturnType<typeof invoiceTotals>) {
  // Chunked so a long invoice stays well under the packet size.
  for (let start = 0; start < lines.length; start += 100) {
    await tx.insert(invoiceItems).values(
      lines.slice(start, start + 100).map((line, i) => ({
        invoiceId,
        serviceId: line.serviceId,
        position: start + i + 1,
        description: line.description,
        quantityMilli: line.quantityMilli,
        unitPriceMinor: line.unitPriceMinor,
        taxRateBp: line.taxRateBp,
        lineTotalMinor: totals.lines[start + i]!.lineTotalMinor,
        taxMinor: totals.lines[start + i]!.taxMinor,
      })),
    );
  }
}

/** Creates a draft (no number yet). Totals are computed here, never taken from the caller. */
export async function createDraftInvoice(db: DbOrTx, input: DraftInput & { actor: ActorOrSystem }): Promise<{ id: number; version: number }> {
  const totals = checkDraft(input);
  return inTransaction(db, async (tx) => {
    await checkReferences(tx, input, false);
    const [res] = await tx.insert(invoices).values({
      clientId: input.clientId,
      subscriptionId: input.subscriptionId ?? null,
      status: "draft",
      issueDate: input.issueDate,
      dueDate: input.dueDate,
      currency: input.currency,
      subtotalMinor: totals.subtotalMinor,
      taxMinor: totals.taxMinor,
      discountMinor: totals.discountMinor,
      totalMinor: totals.totalMinor,
      notes: input.notes,
      periodStart: input.periodStart ?? null,
      periodEnd: input.periodEnd ?? null,
      createdBy: input.actor.id,
    });
    const id = res.insertId;
    await writeLines(tx, id, input.lines, totals);
    await applyInvoiceChange(tx, null, { id, status: "draft", currency: input.currency, issueDate: input.issueDate, dueDate: input.dueDate, totalMinor: totals.totalMinor, amountPaidMinor: 0 });
    await writeAudit(tx, {
      actor: auditActor(input.actor),
      action: "invoice.create",
      entityType: "invoice",
      entityId: id,
      after: {
        clientId: input.clientId,
        totalMinor: totals.totalMinor,
        currency: input.currency,
        lines: input.lines.length,
        subscriptionId: input.subscriptionId ?? null,
        periodStart: input.periodStart ?? null,
      },
      ip: input.actor.ip,
    });
    // A new row starts at version 1 (the column's default): "Save and issue" issues the version it saved.
    return { id, version: 1 };
  });
}

/**
 * Replaces a draft's lines and fields. Refused once issued (DESIGN rule 3),
 * and when someone else saved it after the editor opened it.
 */
export async function updateDraftInvoice(db: DbOrTx, input: DraftInput & { invoiceId: number; expectedVersion?: number; actor: ActorOrSystem }): Promise<{ id: number; version: number }> {
  const totals = checkDraft(input);
  return inTransaction(db, async (tx) => {
    const current = await lockInvoice(tx, input.invoiceId);
    if (current.status !== "draft") throw new DomainError(FROZEN_MESSAGE);
    if (input.expectedVersion !== undefined && input.expectedVersion !== current.version) {
      throw new DomainError("Someone else changed this invoice after you opened it. Reload the page to see their changes.");
    }
    await checkReferences(tx, input, input.clientId === current.clientId);
    const version = current.version + 1;
    await tx
      .update(invoices)
      .set({
        clientId: input.clientId,
        issueDate: input.issueDate,
        dueDate: input.dueDate,
        currency: input.currency,
        subtotalMinor: totals.subtotalMinor,
        taxMinor: totals.taxMinor,
        discountMinor: totals.discountMinor,
        totalMinor: totals.totalMinor,
        notes: input.notes,
        version,
      })
      .where(eq(invoices.id, current.id));
    await tx.delete(invoiceItems).where(eq(invoiceItems.invoiceId, current.id));
    await writeLines(tx, current.id, input.lines, totals);
    await applyInvoiceChange(tx, invoiceFacts(current), { ...invoiceFacts(current), currency: input.currency, issueDate: input.issueDate, dueDate: input.dueDate, totalMinor: totals.totalMinor });
    await writeAudit(tx, {
      actor: auditActor(input.actor),
      action: "invoice.update",
      entityType: "invoice",
      entityId: current.id,
      before: { clientId: current.clientId, totalMinor: current.totalMinor, version: current.version },
      after: { clientId: input.clientId, totalMinor: totals.totalMinor, lines: input.lines.length, version },
      ip: input.actor.ip,
    });
    return { id: current.id, version };
  });
}

/** Deletes a draft for good: it has no number and no money history. */
export async function deleteDraftInvoice(db: DbOrTx, input: { invoiceId: number; actor: ActorOrSystem }): Promise<void> {
  await inTransaction(db, async (tx) => {
    const current = await lockInvoice(tx, input.invoiceId);
    if (current.status !== "draft") throw new DomainError("Only a draft can be deleted. Void an issued invoice instead.");
    await applyInvoiceChange(tx, invoiceFacts(current), null);
    await tx.delete(invoiceItems).where(eq(invoiceItems.invoiceId, current.id));
    await tx.delete(invoices).where(and(eq(invoices.id, current.id), eq(invoices.status, "draft")));
    await writeAudit(tx, {
      actor: auditActor(input.actor),
      action: "invoice.delete",
      entityType: "invoice",
      entityId: current.id,
      before: { clientId: current.clientId, totalMinor: current.totalMinor },
      ip: input.actor.ip,
    });
  });
}

/** Copies an invoice's client, lines, discount and notes into a new draft dated today (the business's day). */
export async function duplicateInvoice(db: DbOrTx, input: { invoiceId: number; actor: ActorOrSystem; today?: string }): Promise<{ id: number }> {
  return inTransaction(db, async (tx) => {
    const [source] = await tx.select().from(invoices).where(eq(invoices.id, input.invoiceId)).limit(1);
    if (!source) throw new NotFoundError("That invoice");
    const lines = await tx
      .select({
        serviceId: invoiceItems.serviceId,
        description: invoiceItems.description,
        quantityMilli: invoiceItems.quantityMilli,
        unitPriceMinor: invoiceItems.unitPriceMinor,
        taxRateBp: invoiceItems.taxRateBp,
      })
      .from(invoiceItems)
      .where(eq(invoiceItems.invoiceId, source.id))
      .orderBy(asc(invoiceItems.position));
    // Services archived since are kept as typed lines, so the copy still saves.
    const serviceIds = lines.map((l) => l.serviceId).filter((v): v is number => v != null);
    const live = serviceIds.length
      ? new Set(
          (
            await tx
              .select({ id: services.id })
              .from(services)
              .where(and(inArray(services.id, serviceIds), isNull(services.archivedAt)))
          ).map((s) => s.id),
        )
      : new Set<number>();
    const today = input.today ?? (await readBusinessToday(tx));
    // The source's own terms, "due on receipt" (0 days) included.
    const terms = Math.max(0, daysBetween(source.issueDate, source.dueDate));
    const copy = await createDraftInvoice(tx, {
      clientId: source.clientId,
      currency: source.currency,
      issueDate: today,
      dueDate: addDaysIso(today, terms),
      discountMinor: source.discountMinor,
      notes: source.notes,
      lines: lines.map((l) => ({ ...l, serviceId: l.serviceId != null && live.has(l.serviceId) ? l.serviceId : null })),
      actor: input.actor,
    });
    await writeAudit(tx, {
      actor: auditActor(input.actor),
      action: "invoice.duplicate",
      entityType: "invoice",
      entityId: copy.id,
      after: { sourceId: source.id, sourceNumber: source.number },
      ip: input.actor.ip,
    });
    return copy;
  });
}
