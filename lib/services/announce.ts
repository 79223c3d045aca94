import "server-only";
import { and, asc, gt } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { smsAudience } from "@/db/queries/sms-audience";
import { clients } from "@/db/schema";
import { enqueue } from "@/lib/notify/enqueue";

type AnnouncedService = { id: number; name: string; description: string | null; priceMinor: number; currency: string; interval: string };

/**
 * Queues the new-service SMS to every opted-in client who bills in the
 * service's currency, inside the caller's
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
      .where(and(smsAudience(service.currency), gt(clients.id, after)))
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
