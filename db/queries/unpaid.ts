import "server-only";
import { and, asc, countDistinct, inArray, lt, max, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { clients, invoices, outbox } from "@/db/schema";
import { clientContactColumns } from "./columns";
import { daysBetween } from "@/lib/dates";
import { UNPAID_PAGE_SIZE, type UnpaidParams } from "@/lib/validation/unpaid";
import { balancesFor, owingClientIds } from "./clients";
import { getSettings } from "./settings";
import { OPEN_STATUSES } from "@/lib/invoices/status";

// The unpaid-clients view. Callers check "reminders:send" (the view exists to send them).

/**
 * The open invoices the view counts, on the page's filter. "Remind all unpaid"
 * (lib/reminders/remind-all.ts) reads the same, so it reaches exactly the
 * clients the page lists. An issued invoice's status follows its amounts, so
 * an open status alone means a balance; the grouping below then reads only
 * the (client_id, status, due_date) index.
 */
export function unpaidInvoicesWhere(overdueOnly: boolean, today: string) {
  return and(inArray(invoices.status, [...OPEN_STATUSES]), overdueOnly ? lt(invoices.dueDate, today) : undefined);
}

/**
 * Every client with an outstanding balance, one row per client: its open
 * invoices grouped on the (status, due_date) index, then the page's clients,
 * balances per currency, and last reminder read for those ids only.
 */
export async function listUnpaidClients(p: UnpaidParams, today: string) {
  const db = getDb();
  const where = unpaidInvoicesWhere(p.overdueOnly, today);
  const oldestDue = sql<string>`min(${invoices.dueDate})`;
  const grouped = (ids?: number[]) =>
    db
      .select({ clientId: invoices.clientId, oldestDue, openInvoices: sql<number>`count(*)` })
      .from(invoices)
      .where(and(where, ids ? inArray(invoices.clientId, ids) : undefined))
      .groupBy(invoices.clientId);
  const skip = (p.page - 1) * UNPAID_PAGE_SIZE;
  const page = async () => {
    if (p.sort !== "-balance") {
      const order =
        p.sort === "name" ? [asc(sql`(select ${clients.name} from ${clients} where ${clients.id} = ${invoices.clientId})`), asc(invoices.clientId)] : [asc(oldestDue), asc(invoices.clientId)];
      return grouped()
        .orderBy(...order)
        .limit(UNPAID_PAGE_SIZE)
        .offset(skip);
    }
    // Largest balances first, never comparing amounts in different currencies.
    const { defaultCurrency } = await getSettings();
    const ids = await owingClientIds({ from: sql`${invoices}`, where, businessCurrency: defaultCurrency, direction: "desc", skip, take: UNPAID_PAGE_SIZE });
    const found = ids.length ? await grouped(ids) : [];
    return ids.flatMap((id) => found.filter((g) => g.clientId === id));
  };
  const [[total], groups] = await Promise.all([
    db
      .select({ n: countDistinct(invoices.clientId) })
      .from(invoices)
      .where(where),
    page(),
  ]);
  const ids = groups.map((g) => g.clientId);
  const [people, balances, reminded] = await Promise.all([
    ids.length
      ? db
          .select({ ...clientContactColumns, company: clients.company })
          .from(clients)
          .where(inArray(clients.id, ids))
      : [],
    balancesFor(ids, today),
    ids.length
      ? db
          .select({ clientId: outbox.clientId, at: max(outbox.createdAt) })
          .from(outbox)
          .where(and(inArray(outbox.clientId, ids), inArray(outbox.template, ["payment_reminder", "reminder_friendly", "reminder_firm"])))
          .groupBy(outbox.clientId)
      : [],
  ]);
  const byId = new Map(people.map((c) => [c.id, c]));
  const lastReminder = new Map(reminded.map((r) => [r.clientId, r.at]));
  const n = Number(total?.n ?? 0);
  return {
    rows: groups.flatMap((g) => {
      const client = byId.get(g.clientId);
      if (!client) return [];
      const due = String(g.oldestDue).slice(0, 10);
      return [
        {
          ...client,
          oldestDue: due,
          daysOverdue: Math.max(0, daysBetween(due, today)),
          openInvoices: Number(g.openInvoices),
          balances: balances.get(g.clientId) ?? [],
          lastReminderAt: lastReminder.get(g.clientId) ?? null,
        },
      ];
    }),
    total: n,
    pageCount: Math.max(1, Math.ceil(n / UNPAID_PAGE_SIZE)),
  };
}
export type UnpaidRow = Awaited<ReturnType<typeof listUnpaidClients>>["rows"][number];
