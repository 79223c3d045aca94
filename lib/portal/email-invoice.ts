import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/db";
import { clients } from "@/db/schema";
import { DomainError } from "@/lib/errors";
import type { ActorOrSystem } from "@/lib/actor";
import { queueInvoiceEmail } from "@/lib/invoices/email";
import { lockInvoice } from "@/lib/invoices/lock";
import { consumeOrRefuse } from "@/lib/limits/limiter";
import { limits } from "@/lib/limits/rules";
import { kickOutbox } from "@/lib/notify/kick";
import { inTransaction } from "@/lib/transaction";

/**
 * "Email me this invoice": to the client's own address (never one from the
 * request), with optional CCs, the PDF and a fresh signed link. The invoice
 * is locked with the client's scope, so another client's id is "not found".
 * Every recipient counts against the client's daily limit, so the form can't
 * be used to relay mail.
 */
export async function emailInvoiceToClient(
  db: Db,
  input: { clientId: number; invoiceId: number; cc: string[]; idempotencyKey: string; actor: ActorOrSystem },
): Promise<{ to: string; created: boolean }> {
  await consumeOrRefuse((wait) => `You've emailed invoices to a lot of addresses today. Try again in ${wait}, or download the PDF and send it yourself.`, {
    rule: limits.portalEmailRecipients,
    key: input.clientId,
    cost: 1 + input.cc.length,
  });
  const result = await inTransaction(db, async (tx) => {
    const invoice = await lockInvoice(tx, input.invoiceId, input.clientId);
    if (invoice.status === "draft") throw new DomainError("That invoice was not found.");
    if (invoice.status === "void") throw new DomainError("This invoice is void, so there is nothing to email.");
    const [client] = await tx.select({ email: clients.email }).from(clients).where(eq(clients.id, input.clientId)).limit(1);
    if (!client?.email) throw new DomainError("There is no email address on your account. Add one in your profile.");
    const queued = await queueInvoiceEmail(tx, invoice, { to: [client.email], cc: input.cc.filter((a) => a !== client.email), idempotencyKey: `portal:${input.idempotencyKey}`, actor: input.actor });
    return { to: client.email, created: queued.created };
  });
  kickOutbox();
  return result;
}
