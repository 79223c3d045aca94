import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/db";
import { clients } from "@/db/schema";
import { auditActor, changes, type Actor } from "@/lib/actor";
import { writeAudit } from "@/lib/audit";
import { NotFoundError } from "@/lib/errors";
import { inTransaction } from "@/lib/transaction";

type BillingDetails = { company: string | null; address: string | null; smsOptIn: boolean };

/** The client edits its own record's company, address and SMS consent. */
export async function updateBillingDetails(db: Db, actor: Actor, clientId: number, input: BillingDetails): Promise<{ changed: boolean }> {
  return inTransaction(db, async (tx) => {
    const [before] = await tx.select({ company: clients.company, address: clients.address, smsOptIn: clients.smsOptIn }).from(clients).where(eq(clients.id, clientId)).limit(1).for("update");
    if (!before) throw new NotFoundError("Your client account");
    const diff = changes(before, input);
    if (!diff) return { changed: false };
    await tx.update(clients).set(input).where(eq(clients.id, clientId));
    await writeAudit(tx, { actor: auditActor(actor), action: "client.self_update", entityType: "client", entityId: clientId, ...diff, ip: actor.ip });
    return { changed: true };
  });
}
