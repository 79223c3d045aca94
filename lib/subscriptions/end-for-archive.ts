import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import type { Tx } from "@/db";
import { subscriptions } from "@/db/schema";
import { auditActor, type Actor } from "@/lib/actor";
import { writeAudit } from "@/lib/audit";

// Paused subscriptions end too: nothing bills them now, but leaving them
// resumable on an archived client would let billing start again later.
const running = ["active", "paused"] as const;

/**
 * Ends every running subscription of a client being archived, inside the
 * archiving transaction: `cancelled` is the status billing never invoices,
 * and restoring the client leaves them ended. One audit row per subscription.
 */
export async function endSubscriptionsForArchive(tx: Tx, clientId: number, at: Date, actor: Actor): Promise<number> {
  const rows = await tx
    .select({ id: subscriptions.id, status: subscriptions.status })
    .from(subscriptions)
    .where(and(eq(subscriptions.clientId, clientId), inArray(subscriptions.status, running)))
    .for("update");
  if (!rows.length) return 0;
  await tx
    .update(subscriptions)
    .set({ status: "cancelled", cancelledAt: at })
    .where(
      inArray(
        subscriptions.id,
        rows.map((r) => r.id),
      ),
    );
  for (const row of rows) {
    await writeAudit(tx, {
      actor: auditActor(actor),
      action: "subscription.cancel",
      entityType: "subscription",
      entityId: row.id,
      before: { status: row.status },
      after: { status: "cancelled", cancelledAt: at.toISOString(), reason: "client_archived" },
      ip: actor.ip,
    });
  }
  return rows.length;
}
