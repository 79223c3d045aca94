import "server-only";
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import type { DbOrTx, Tx } from "@/db";
import { clients, invoices } from "@/db/schema";
import { writeAudit } from "@/lib/audit";
import { DomainError } from "@/lib/errors";
import { balanceDue } from "@/lib/money";
import { consumeOrRefuse } from "@/lib/limits/limiter";
import { limits } from "@/lib/limits/rules";
import { enqueue } from "@/lib/notify/enqueue";
import { inTransaction } from "@/lib/transaction";
import { auditActor, type ActorOrSystem } from "@/lib/actor";
import { createInvoiceLink } from "./links";
import { lockInvoice, type LockedInvoice } from "./lock";

export type EmailInvoiceInput = {
  invoiceId: number;
  to: string[];
  cc?: string[];
  bcc?: string[];
  subject?: string | null;
  message?: string | null;
  /** One email per key: the dialog sends one per opening, so a double click sends once. */
  idempotencyKey?: string;
  actor: ActorOrSystem;
};

export type EmailInvoiceResult = { outboxId: number; created: boolean; link: string };

export function pdfFilename(invoice: Pick<LockedInvoice, "id" | "number">): string {
  return `${invoice.number ?? `invoice-${invoice.id}`}.pdf`;
}

/**
 * Queues an issued invoice's email inside the caller's transaction, with the
 * PDF attached (rendered by the outbox at send time) and a fresh signed link.
 * The first email marks the invoice sent_at.
 */
export async function queueInvoiceEmail(tx: Tx, invoice: LockedInvoice, input: Omit<EmailInvoiceInput, "invoiceId">): Promise<EmailInvoiceResult> {
  if (invoice.status === "draft") throw new DomainError("Issue this invoice before emailing it.");
  if (invoice.status === "void") throw new DomainError("This invoice is void. Duplicate it and issue the copy instead.");
  const [client] = await tx.select({ name: clients.name }).from(clients).where(eq(clients.id, invoice.clientId)).limit(1);
  let version = invoice.version;
  if (!invoice.sentAt) {
    version += 1;
    await tx.update(invoices).set({ sentAt: new Date(), version }).where(eq(invoices.id, invoice.id));
  }
  const link = await createInvoiceLink(tx, invoice.id, input.actor);
  const number = invoice.number!;
  const cc = input.cc ?? [];
  const bcc = input.bcc ?? [];
  const queued = await enqueue(tx, {
    channel: "email",
    to: input.to,
    cc,
    bcc,
    template: "invoice",
    subject: input.subject || undefined,
    data: {
      clientName: client?.name ?? "",
      invoiceNumber: number,
      totalMinor: invoice.totalMinor,
      balanceMinor: balanceDue(invoice.totalMinor, invoice.amountPaidMinor),
      currency: invoice.currency,
      dueDate: invoice.dueDate,
      link,
      ...(input.message ? { message: input.message } : {}),
    },
    attachments: [{ kind: "invoice_pdf", invoiceId: invoice.id, version, filename: pdfFilename(invoice) }],
    related: { type: "invoice", id: invoice.id },
    clientId: invoice.clientId,
    idempotencyKey: `invoice-email:${invoice.id}:${input.idempotencyKey ?? randomUUID()}`,
  });
  if (queued.created) {
    await writeAudit(tx, {
      actor: auditActor(input.actor),
      action: "invoice.email",
      entityType: "invoice",
      entityId: invoice.id,
      after: { to: input.to, cc, bcc, subject: input.subject || null, outboxId: queued.id },
      ip: input.actor.ip,
    });
  }
  return { outboxId: queued.id, created: queued.created, link };
}

const staffEmailLimit = (wait: string) => `You've reached today's limit of invoice emails. Try again in ${wait}.`;

/** Emails an issued invoice to TO, CC and BCC recipients; a person's recipients count against their daily limit. */
export async function emailInvoice(db: DbOrTx, input: EmailInvoiceInput): Promise<EmailInvoiceResult> {
  if (input.to.length === 0) throw new DomainError("Add at least one recipient.", { to: ["Add at least one email address"] });
  if (input.actor.id !== null) {
    const recipients = input.to.length + (input.cc?.length ?? 0) + (input.bcc?.length ?? 0);
    await consumeOrRefuse(staffEmailLimit, { rule: limits.staffEmailRecipients, key: input.actor.id, cost: recipients });
  }
  return inTransaction(db, async (tx) => queueInvoiceEmail(tx, await lockInvoice(tx, input.invoiceId), input));
}

export type BulkEmailResult = { queued: number; skipped: number };

/**
 * Emails each issued, non-void invoice to its client's address. Each invoice
 * is its own transaction; ones without an address, drafts and void ones are
 * skipped. The batch key makes a repeated submit send nothing new.
 */
export async function emailInvoicesToClients(db: DbOrTx, input: { invoiceIds: number[]; batchKey: string; actor: ActorOrSystem }): Promise<BulkEmailResult> {
  if (input.actor.id !== null) await consumeOrRefuse(staffEmailLimit, { rule: limits.staffEmailRecipients, key: input.actor.id, cost: input.invoiceIds.length });
  let queued = 0;
  let skipped = 0;
  for (const invoiceId of input.invoiceIds) {
    const sent = await inTransaction(db, async (tx) => {
      const invoice = await lockInvoice(tx, invoiceId);
      if (invoice.status === "draft" || invoice.status === "void") return false;
      const [client] = await tx.select({ email: clients.email }).from(clients).where(eq(clients.id, invoice.clientId)).limit(1);
      if (!client?.email) return false;
      const res = await queueInvoiceEmail(tx, invoice, { to: [client.email], idempotencyKey: `bulk:${input.batchKey}`, actor: input.actor });
      return res.created;
    }).catch((error: unknown) => {
      if (error instanceof DomainError) return false;
      throw error;
    });
    if (sent) queued += 1;
    else skipped += 1;
  }
  return { queued, skipped };
}
