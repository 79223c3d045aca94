import "server-only";
import { and, count, eq, isNotNull, isNull } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { clients } from "@/db/schema";

// Who a new-service SMS goes to: clients who opted in, have a number, and are
// not archived, and only about services in their billing currency (the portal
// offers a client no other; lib/subscriptions/subscribe.ts).
const reachable = and(eq(clients.smsOptIn, true), isNotNull(clients.phone), isNull(clients.archivedAt));

/** The clients a new-service SMS for a service in this currency goes to (lib/services/announce). */
export const smsAudience = (currency: string) => and(reachable, eq(clients.currency, currency));

/** How many clients a new-service SMS for a service in this currency would reach right now. */
export async function countSmsAudience(db: DbOrTx, currency: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(clients).where(smsAudience(currency));
  return Number(row?.n ?? 0);
}

/** The same, for every currency clients bill in (the service form shows the one picked). */
export async function countSmsAudienceByCurrency(db: DbOrTx): Promise<Record<string, number>> {
  const rows = await db.select({ currency: clients.currency, n: count() }).from(clients).where(reachable).groupBy(clients.currency);
  return Object.fromEntries(rows.map((r) => [r.currency, Number(r.n)]));
}
