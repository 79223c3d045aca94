import "server-only";
import { and, asc, count, eq, inArray, isNotNull, isNull } from "drizzle-orm";
import { getDb } from "@/db";
import { invoiceItems, services, subscriptions } from "@/db/schema";
import type { ServiceListParams } from "@/lib/validation/services";
import { serviceRecordColumns } from "./columns";
import { countSmsAudienceByCurrency } from "./sms-audience";

// Back-office reads of the service catalogue. Callers check "services:read".

export const SERVICE_PAGE_SIZE = 25;

/** One page of the catalogue (or of the archive) by name, with how many services it holds in all. */
export async function listServices(p: ServiceListParams) {
  const db = getDb();
  const where = p.archived ? isNotNull(services.archivedAt) : isNull(services.archivedAt);
  const [[total], rows] = await Promise.all([
    db.select({ n: count() }).from(services).where(where),
    db
      .select({ ...serviceRecordColumns, createdAt: services.createdAt })
      .from(services)
      .where(where)
      .orderBy(asc(services.name), asc(services.id))
      .limit(SERVICE_PAGE_SIZE)
      .offset((p.page - 1) * SERVICE_PAGE_SIZE),
  ]);
  const ids = rows.map((r) => r.id);
  const subs = ids.length
    ? await db
        .select({ serviceId: subscriptions.serviceId, n: count() })
        .from(subscriptions)
        .where(and(inArray(subscriptions.serviceId, ids), eq(subscriptions.status, "active")))
        .groupBy(subscriptions.serviceId)
    : [];
  const active = new Map(subs.map((s) => [s.serviceId, Number(s.n)]));
  return { rows: rows.map((r) => ({ ...r, activeSubscriptions: active.get(r.id) ?? 0 })), total: total?.n ?? 0 };
}
export type ServiceListRow = Awaited<ReturnType<typeof listServices>>["rows"][number];

export async function getService(id: number) {
  const db = getDb();
  const [row] = await db
    .select({ ...serviceRecordColumns, createdAt: services.createdAt, updatedAt: services.updatedAt })
    .from(services)
    .where(eq(services.id, id))
    .limit(1);
  if (!row) return null;
  const [[subs], [line]] = await Promise.all([
    db
      .select({ n: count() })
      .from(subscriptions)
      .where(and(eq(subscriptions.serviceId, id), eq(subscriptions.status, "active"))),
    db.select({ id: invoiceItems.id }).from(invoiceItems).where(eq(invoiceItems.serviceId, id)).limit(1),
  ]);
  const [anySub] = await db.select({ id: subscriptions.id }).from(subscriptions).where(eq(subscriptions.serviceId, id)).limit(1);
  return { ...row, activeSubscriptions: Number(subs?.n ?? 0), hasHistory: Boolean(line || anySub) };
}
export type ServiceDetail = NonNullable<Awaited<ReturnType<typeof getService>>>;

/** How many clients a new-service SMS would reach now (opted in, with a phone, not archived), per billing currency. */
export const smsAudienceCount = () => countSmsAudienceByCurrency(getDb());
