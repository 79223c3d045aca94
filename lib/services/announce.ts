import "server-only";
import { and, asc, count, eq, gt, isNotNull, isNull } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { clients } from "@/db/schema";
import { enqueue } from "@/lib/notify/enqueue";

type AnnouncedService = { id: number; name: string; description: string | null; priceMinor: number; currency: string; interval: string };

// SMS goes only to clients who opted in, have a number, and are not archived.
const audience = and(eq(clients.smsOptIn, true), isNotNull(clients.phone), isNull(clients.archivedAt));

/** How many clients a new-service SMS would reach right now. */
export async function countSmsAudience(db: DbOrTx): Promise<number> {
  const [row] = await db.select({ n: count() }).from(clients).where(audience);
  return Number(row?.n ?? 0);
}

/**
 * Queues the new-service SMS to every opted-in client, inside the caller's
 * transaction: if anything fails, the service and every message roll back
 * together. The key makes it once per client per service, ever.
 */
export async function announceService(tx: DbOrTx, service: AnnouncedService): Promise<number> {
  let queued = 0;
  let after = 0;
  // Keyset batches, so a large client base never sits in memory at once.
  for (;;) {
    const batch = await tx
      .select({ id: clients.id, name: clients.name, phone: clients.phone })
      .from(clients)
      .where(and(audience, gt(clients.id, after)))
      .orderBy(asc(clients.id))
      .limit(1000);
    for (const client of batch) {
      const res = await enqueue(tx, {
        channel: "sms",
        to: client.phone!,
        template: "new_service",
        data: { clientName: client.name, serviceName: service.name, priceMinor: service.priceMinor, currency: service.currency, interval: service.interval, description: service.description },
        related: { type: "service", id: service.id },
        clientId: client.id,
        idempotencyKey: `service:${service.id}:announce:${client.id}`,
      });
      if (res.created) queued += 1;
    }
    if (batch.length < 1000) return queued;
    after = batch.at(-1)!.id;
  }
}
