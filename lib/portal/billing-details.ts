import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/db";
import { clients } from "@/db/schema";
import { auditActor, changes, type Actor } from "@/lib/actor";
import { writeAudit } from "@/lib/audit";
import { DomainError, NotFoundError } from "@/lib/errors";
import { storedNumberTextsError } from "@/lib/phone-texts";
import { inTransaction } from "@/lib/transaction";

type BillingDetails = { company: string | null; address: string | null; smsOptIn: boolean };

/** The client edits its own record's company, address and SMS consent (only with a number that takes texts). */
export async function updateBillingDetails(db: Db, actor: Actor, clientId: number, input: BillingDetails): Promise<{ changed: boolean }> {
  return inTransaction(db, async (tx) => {
    const [row] = await tx
      .select({ company: clients.company, address: clients.address, smsOptIn: clients.smsOptIn, phone: clients.phone })
      .from(clients)
      .where(eq(clients.id, clientId))
      .limit(1)
      .for("update");
    if (!row) throw new NotFoundError("Your client account");
    const { phone, ...before } = row;
    // Receipts and reminders would be texted to this number: it must be able to take them.
    const cannotText = input.smsOptIn && !before.smsOptIn ? storedNumberTextsError(phone) : null;
    if (cannotText) throw new DomainError("Texts can't be turned on for the number on file.", { smsOptIn: [cannotText] });
    const diff = changes(before, input);
    if (!diff) return { changed: false };
    await tx.update(clients).set(input).where(eq(clients.id, clientId));
    await writeAudit(tx, { actor: auditActor(actor), action: "client.self_update", entityType: "client", entityId: clientId, ...diff, ip: actor.ip });
    return { changed: true };
  });
}
