import "server-only";
import { and, eq, isNull, sql } from "drizzle-orm";
import type { DbOrTx, Tx } from "@/db";
import { invoiceLinks } from "@/db/schema";
import { writeAudit } from "@/lib/audit";
import { hashToken, newToken } from "@/lib/auth/one-time-token";
import { env } from "@/lib/env";
import { DomainError } from "@/lib/errors";
import { inTransaction } from "@/lib/transaction";
import { auditActor, type ActorOrSystem } from "@/lib/actor";
import { lockInvoice } from "./lock";

/** How long an emailed invoice link works. */
export const LINK_TTL_DAYS = 60;

export function invoiceLinkUrl(token: string): string {
  return `${env().APP_URL.replace(/\/+$/, "")}/i/${token}`;
}

/**
 * A new signed link to one invoice: 256 random bits in the URL, only their
 * SHA-256 in the database. Returns the URL, which can't be recovered later.
 */
export async function createInvoiceLink(tx: Tx, invoiceId: number, actor: ActorOrSystem, now: Date = new Date()): Promise<string> {
  const { token, hash } = newToken();
  await tx.insert(invoiceLinks).values({
    invoiceId,
    tokenHash: hash,
    expiresAt: new Date(now.getTime() + LINK_TTL_DAYS * 86_400_000),
    createdBy: actor.id,
  });
  return invoiceLinkUrl(token);
}

export type ResolvedLink = { state: "valid"; linkId: number; invoiceId: number; expiresAt: Date } | { state: "expired" | "revoked"; linkId: number; invoiceId: number };

/** Looks a raw token up by its hash. A token that was never issued (or was tampered with) gives null. */
export async function resolveInvoiceLink(db: DbOrTx, token: string, now: Date = new Date()): Promise<ResolvedLink | null> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
  const [link] = await db
    .select({ id: invoiceLinks.id, invoiceId: invoiceLinks.invoiceId, expiresAt: invoiceLinks.expiresAt, revokedAt: invoiceLinks.revokedAt })
    .from(invoiceLinks)
    .where(eq(invoiceLinks.tokenHash, hashToken(token)))
    .limit(1);
  if (!link) return null;
  if (link.revokedAt) return { state: "revoked", linkId: link.id, invoiceId: link.invoiceId };
  if (link.expiresAt.getTime() <= now.getTime()) return { state: "expired", linkId: link.id, invoiceId: link.invoiceId };
  return { state: "valid", linkId: link.id, invoiceId: link.invoiceId, expiresAt: link.expiresAt };
}

/** Records a view: the first one is kept, the last one moves. */
export async function recordLinkView(db: DbOrTx, linkId: number, now: Date = new Date()): Promise<void> {
  await db
    .update(invoiceLinks)
    .set({ firstViewedAt: sql`coalesce(${invoiceLinks.firstViewedAt}, ${now})`, lastViewedAt: now })
    .where(eq(invoiceLinks.id, linkId));
}

async function revokeOpenLinks(tx: Tx, invoiceId: number, now: Date): Promise<number> {
  const [res] = await tx
    .update(invoiceLinks)
    .set({ revokedAt: now })
    .where(and(eq(invoiceLinks.invoiceId, invoiceId), isNull(invoiceLinks.revokedAt)));
  return res.affectedRows;
}

/** Ends every link to an invoice at once; people holding them see a "revoked" page. */
export async function revokeInvoiceLinks(db: DbOrTx, input: { invoiceId: number; actor: ActorOrSystem; now?: Date }): Promise<{ revoked: number }> {
  return inTransaction(db, async (tx) => {
    await lockInvoice(tx, input.invoiceId);
    const revoked = await revokeOpenLinks(tx, input.invoiceId, input.now ?? new Date());
    await writeAudit(tx, { actor: auditActor(input.actor), action: "invoice.link_revoke", entityType: "invoice", entityId: input.invoiceId, after: { revoked }, ip: input.actor.ip });
    return { revoked };
  });
}

/** Revokes the old links and makes a fresh one, shown once to the person who asked. */
export async function reissueInvoiceLink(db: DbOrTx, input: { invoiceId: number; actor: ActorOrSystem; now?: Date }): Promise<{ url: string; revoked: number }> {
  return inTransaction(db, async (tx) => {
    const invoice = await lockInvoice(tx, input.invoiceId);
    if (invoice.status === "draft") throw new DomainError("Issue this invoice before sharing a link to it.");
    const now = input.now ?? new Date();
    const revoked = await revokeOpenLinks(tx, invoice.id, now);
    const url = await createInvoiceLink(tx, invoice.id, input.actor, now);
    await writeAudit(tx, { actor: auditActor(input.actor), action: "invoice.link_reissue", entityType: "invoice", entityId: invoice.id, after: { revoked }, ip: input.actor.ip });
    return { url, revoked };
  });
}
