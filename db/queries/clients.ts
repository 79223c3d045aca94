import "server-only";
import { and, asc, count, countDistinct, desc, eq, exists, gt, inArray, isNotNull, isNull, like, lt, notExists, or, sql, type SQL } from "drizzle-orm";
import { union } from "drizzle-orm/mysql-core";
import { getDb } from "@/db";
import { clientRecordColumns, invoiceSummaryColumns, paymentSummaryColumns, subscriptionColumns } from "./columns";
import { clients, invoices, outbox, payments, services, subscriptions, users } from "@/db/schema";
import { getSettings } from "./settings";
import { phoneSearchPrefixes, regionFromLocale } from "@/lib/phone";
import type { ClientListParams } from "@/lib/validation/clients";
import { OPEN_STATUSES } from "@/lib/invoices/status";

// Back-office reads of clients. Callers check "clients:read".

export const CLIENT_PAGE_SIZE = 25;

// An issued invoice's status follows its amounts (sent: none of a total above
// zero paid; partially_paid: some paid), so an open status alone means a
// balance, and the check stays inside the (client_id, status, due_date) index.
const openInvoice = (today?: string) => and(eq(invoices.clientId, clients.id), inArray(invoices.status, [...OPEN_STATUSES]), today ? lt(invoices.dueDate, today) : undefined);

/**
 * Counting every match of a filter over 100k clients costs a probe per client;
 * past this many the list says "10,000+" and asks for a narrower search.
 */
export const CLIENT_COUNT_CAP = 10_000;

/** Escapes LIKE wildcards so a search for "50%" finds "50%" literally. */
const escapeLike = (text: string) => text.replace(/[\\%_]/g, (m) => `\\${m}`);

/**
 * Prefix matches only, each on an indexed column (name, company, email,
 * phone), so a search stays an index range scan at any size. A number-like
 * query also matches the stored E.164 phones however it was typed: "(415) 555"
 * in the business's country, "+1 415 555", "001415555" (lib/phone
 * phoneSearchPrefixes gives each E.164 prefix it may mean, one LIKE each).
 */
function searchConditions(q: string, phoneRegion: string): SQL[] {
  const prefix = `${escapeLike(q)}%`;
  const conditions: SQL[] = [like(clients.name, prefix), like(clients.company, prefix), like(clients.email, prefix)];
  for (const phone of phoneSearchPrefixes(q, phoneRegion)) conditions.push(like(clients.phone, `${phone}%`));
  return conditions;
}

function searchCondition(q: string, phoneRegion: string): SQL | undefined {
  return q ? or(...searchConditions(q, phoneRegion)) : undefined;
}

/** The business's country, which a phone typed without a country code is read in. */
async function businessPhoneRegion(): Promise<string> {
  return regionFromLocale((await getSettings()).locale);
}

function listWhere(p: Pick<ClientListParams, "q" | "filters">, today: string, phoneRegion: string): SQL | undefined {
  const f = new Set(p.filters);
  return and(
    f.has("archived") ? isNotNull(clients.archivedAt) : isNull(clients.archivedAt),
    f.has("sms") ? eq(clients.smsOptIn, true) : undefined,
    // EXISTS on the (client_id, status, due_date) index: one probe per candidate client.
    f.has("balance")
      ? exists(
          getDb()
            .select({ one: sql`1` })
            .from(invoices)
            .where(openInvoice()),
        )
      : undefined,
    f.has("overdue")
      ? exists(
          getDb()
            .select({ one: sql`1` })
            .from(invoices)
            .where(openInvoice(today)),
        )
      : undefined,
    searchCondition(p.q, phoneRegion),
  );
}

function orderFor(sort: Exclude<ClientListParams["sort"], "balance" | "-balance">): SQL[] {
  switch (sort) {
    case "-name":
      return [desc(clients.name), desc(clients.id)];
    case "created":
      return [asc(clients.createdAt), asc(clients.id)];
    case "-created":
      return [desc(clients.createdAt), desc(clients.id)];
    default:
      return [asc(clients.name), asc(clients.id)];
  }
}

const listColumns = {
  id: clients.id,
  name: clients.name,
  company: clients.company,
  email: clients.email,
  phone: clients.phone,
  smsOptIn: clients.smsOptIn,
  currency: clients.currency,
  archivedAt: clients.archivedAt,
  createdAt: clients.createdAt,
};

export type Balance = { currency: string; minor: number; oldestDue: string; overdue: boolean };

/** Open balances per client and currency, for a page of clients. */
export async function balancesFor(clientIds: number[], today: string): Promise<Map<number, Balance[]>> {
  const out = new Map<number, Balance[]>();
  if (clientIds.length === 0) return out;
  const rows = await getDb()
    .select({
      clientId: invoices.clientId,
      currency: invoices.currency,
      minor: sql<string>`sum(${invoices.totalMinor} - ${invoices.amountPaidMinor})`,
      oldestDue: sql<string>`min(${invoices.dueDate})`,
    })
    .from(invoices)
    .where(and(inArray(invoices.clientId, clientIds), inArray(invoices.status, [...OPEN_STATUSES]), gt(invoices.totalMinor, invoices.amountPaidMinor)))
    .groupBy(invoices.clientId, invoices.currency);
  for (const r of rows) {
    const oldestDue = String(r.oldestDue).slice(0, 10);
    const list = out.get(r.clientId) ?? [];
    list.push({ currency: r.currency, minor: Number(r.minor), oldestDue, overdue: oldestDue < today });
    out.set(r.clientId, list);
  }
  return out;
}

/**
 * Clients who owe, one id each, in order of what they owe, without ever
 * adding amounts of different currencies: each client counts by its balance
 * in one currency (the business's when it owes any, else the first by code),
 * and clients are grouped by that currency (the business's first, then by
 * code) and ordered by amount within it. `from` joins what `where` reads.
 */
export async function owingClientIds(opts: { from: SQL; where: SQL | undefined; businessCurrency: string; direction: "asc" | "desc"; skip: number; take: number }): Promise<number[]> {
  const cur = opts.businessCurrency;
  const dir = opts.direction === "desc" ? sql`desc` : sql`asc`;
  const [rows] = (await getDb().execute(sql`
    select id from (
      select ${invoices.clientId} as id, ${invoices.currency} as currency, sum(${invoices.totalMinor} - ${invoices.amountPaidMinor}) as balance,
        row_number() over (partition by ${invoices.clientId} order by ${invoices.currency} = ${cur} desc, ${invoices.currency}) as nth
      from ${opts.from} where ${opts.where ?? sql`true`} group by ${invoices.clientId}, ${invoices.currency}
    ) owed
    where nth = 1
    order by currency = ${cur} desc, currency, balance ${dir}, id
    limit ${opts.take} offset ${opts.skip}`)) as unknown as [{ id: number }[]];
  return rows.map((r) => Number(r.id));
}

async function countCapped(where: SQL | undefined): Promise<{ n: number; capped: boolean }> {
  const db = getDb();
  const matches = db
    .select({ one: sql`1`.as("one") })
    .from(clients)
    .where(where)
    .limit(CLIENT_COUNT_CAP + 1)
    .as("matches");
  const [row] = await db.select({ n: count() }).from(matches);
  const n = Number(row?.n ?? 0);
  return { n: Math.min(n, CLIENT_COUNT_CAP), capped: n > CLIENT_COUNT_CAP };
}

/**
 * One page of ids by open balance. Clients who owe come from grouping their
 * open invoices (the only rows a balance needs), in owingClientIds' order,
 * which never compares amounts in different currencies; clients who owe nothing
 * follow (or, ascending, lead) in name order. The other segment is only read
 * when a page runs past the first one.
 */
async function idsByBalance(where: SQL | undefined, direction: "asc" | "desc", offset: number, narrowed: boolean): Promise<number[]> {
  const db = getDb();
  const { defaultCurrency } = await getSettings();
  const owingWhere = and(inArray(invoices.status, [...OPEN_STATUSES]), where);
  // Without a search narrowing the clients, reading the open invoices first (on
  // the status index) and joining each client by id is several times faster
  // than the optimizer's own choice of walking every client; STRAIGHT_JOIN
  // fixes that order (MySQL, MariaDB and TiDB all accept it).
  const join = narrowed ? sql`join` : sql`straight_join`;
  const owing = async (skip: number, take: number) =>
    (await owingClientIds({ from: sql`${invoices} ${join} ${clients} on ${clients.id} = ${invoices.clientId}`, where: owingWhere, businessCurrency: defaultCurrency, direction, skip, take })).map(
      (id) => ({ id }),
    );
  const settledWhere = and(
    where,
    notExists(
      db
        .select({ one: sql`1` })
        .from(invoices)
        .where(openInvoice()),
    ),
  );
  const settled = (skip: number, take: number) => db.select({ id: clients.id }).from(clients).where(settledWhere).orderBy(asc(clients.name), asc(clients.id)).limit(take).offset(skip);
  const countOwing = async () =>
    Number(
      (
        await db
          .select({ n: countDistinct(invoices.clientId) })
          .from(invoices)
          .innerJoin(clients, eq(clients.id, invoices.clientId))
          .where(owingWhere)
      )[0]?.n ?? 0,
    );
  const countSettled = async () => Number((await db.select({ n: count() }).from(clients).where(settledWhere))[0]?.n ?? 0);

  const [first, second, firstCount] = direction === "desc" ? [owing, settled, countOwing] : [settled, owing, countSettled];
  const head = await first(offset, CLIENT_PAGE_SIZE);
  if (head.length === CLIENT_PAGE_SIZE) return head.map((r) => r.id);
  const skip = head.length > 0 ? 0 : Math.max(0, offset - (await firstCount()));
  const tail = await second(skip, CLIENT_PAGE_SIZE - head.length);
  return [...head, ...tail].map((r) => r.id);
}

// Left to itself, MariaDB read a descending name page through every active
// client ("a", "-name": 98k rows) rather than sort a few hundred matches.
const NAME_INDEX = "clients_archived_name_idx";

/**
 * A search runs one select per prefix, each on its own index: the name's on
 * (archived_at, name), the others on (column, archived_at, name), which hold
 * every column a count or a name-sorted page reads, so no branch touches the
 * table. With one OR over the prefixes, MariaDB merged the indexes and then
 * read each matching row (for "mason", 1,600 rows: 8 ms of the count, 6 ms of
 * the page, at 100k clients). This is the hint for the i-th prefix (0 is the
 * name's).
 */
const searchIndexHint = (i: number, byName: boolean) => (i > 0 ? { ignoreIndex: NAME_INDEX } : byName ? { forceIndex: NAME_INDEX } : {});

/** Each prefix's matches, as (id, the list's sort key): name, or creation when sorted by it. */
function searchBranches(base: SQL | undefined, q: string, phoneRegion: string, byName: boolean) {
  const db = getDb();
  const key = byName ? clients.name : clients.createdAt;
  const [first, second, ...rest] = searchConditions(q, phoneRegion).map((condition, i) =>
    db
      .select({ id: clients.id, sortKey: sql<unknown>`${key}`.as("sort_key") })
      .from(clients, searchIndexHint(i, byName))
      .where(and(base, condition))
      .$dynamic(),
  );
  return { first: first!, second: second!, rest };
}

/** How many clients a search matches (capped): the union of the ids each prefix's index holds. */
async function countSearch(base: SQL | undefined, q: string, phoneRegion: string): Promise<{ n: number; capped: boolean }> {
  const db = getDb();
  const [first, second, ...rest] = searchConditions(q, phoneRegion).map((condition, i) => db.select({ id: clients.id }).from(clients, searchIndexHint(i, true)).where(and(base, condition)));
  const matches = union(first!, second!, ...rest)
    .limit(CLIENT_COUNT_CAP + 1)
    .as("matches");
  const [row] = await db.select({ n: count() }).from(matches);
  const n = Number(row?.n ?? 0);
  return { n: Math.min(n, CLIENT_COUNT_CAP), capped: n > CLIENT_COUNT_CAP };
}

/**
 * One page of a search: each prefix's first rows in the list's order, read
 * from its index (the id and the sort key only), the union of those few
 * sorted, and only the page's 25 rows read from the table.
 */
async function searchPage(base: SQL | undefined, q: string, phoneRegion: string, sort: Exclude<ClientListParams["sort"], "balance" | "-balance">, offset: number) {
  const db = getDb();
  const byName = sort === "name" || sort === "-name";
  const direction = sort.startsWith("-") ? "desc" : "asc";
  const { first, second, rest } = searchBranches(base, q, phoneRegion, byName);
  const take = offset + CLIENT_PAGE_SIZE;
  const ordered = <Q extends { orderBy: (...o: SQL[]) => Q; limit: (n: number) => Q }>(query: Q) => query.orderBy(...orderFor(sort)).limit(take);
  // The union's own ORDER BY names the result's columns, unqualified.
  const order = sql.raw(`\`sort_key\` ${direction}, \`id\` ${direction}`);
  const page = union(ordered(first), ordered(second), ...rest.map(ordered))
    .orderBy(order)
    .limit(CLIENT_PAGE_SIZE)
    .offset(offset)
    .as("page");
  const by = direction === "desc" ? desc : asc;
  return db.select(listColumns).from(page).innerJoin(clients, eq(clients.id, page.id)).orderBy(by(page.sortKey), by(page.id));
}

export async function listClients(p: ClientListParams, today: string) {
  const db = getDb();
  const phoneRegion = await businessPhoneRegion();
  const where = listWhere(p, today, phoneRegion);
  const offset = (p.page - 1) * CLIENT_PAGE_SIZE;
  const byBalance = p.sort === "balance" || p.sort === "-balance";
  const [total, rows] = await Promise.all([
    p.q ? countSearch(listWhere({ ...p, q: "" }, today, phoneRegion), p.q, phoneRegion) : countCapped(where),
    byBalance
      ? idsByBalance(where, p.sort === "-balance" ? "desc" : "asc", offset, Boolean(p.q)).then(async (ids) => {
          if (ids.length === 0) return [];
          const found = await db.select(listColumns).from(clients).where(inArray(clients.id, ids));
          return ids.flatMap((id) => found.filter((r) => r.id === id));
        })
      : p.q
        ? searchPage(listWhere({ ...p, q: "" }, today, phoneRegion), p.q, phoneRegion, p.sort as Exclude<ClientListParams["sort"], "balance" | "-balance">, offset)
        : db
            .select(listColumns)
            .from(clients)
            .where(where)
            .orderBy(...orderFor(p.sort as Exclude<ClientListParams["sort"], "balance" | "-balance">))
            .limit(CLIENT_PAGE_SIZE)
            .offset(offset),
  ]);
  const balances = await balancesFor(
    rows.map((r) => r.id),
    today,
  );
  return {
    rows: rows.map((r) => ({ ...r, balances: balances.get(r.id) ?? [] })),
    total: total.n,
    /** More matches than were counted: the total reads "10,000+". */
    capped: total.capped,
    pageCount: Math.max(1, Math.ceil(total.n / CLIENT_PAGE_SIZE)),
  };
}
export type ClientListRow = Awaited<ReturnType<typeof listClients>>["rows"][number];

/** The filtered list in id order, a batch at a time (keyset), for the CSV export. */
export async function* exportClients(p: Pick<ClientListParams, "q" | "filters">, today: string) {
  const phoneRegion = await businessPhoneRegion();
  let after = 0;
  for (;;) {
    const batch = await getDb()
      .select({ ...listColumns, address: clients.address })
      .from(clients)
      .where(and(listWhere(p, today, phoneRegion), gt(clients.id, after)))
      .orderBy(asc(clients.id))
      .limit(1000);
    if (batch.length === 0) return;
    const balances = await balancesFor(
      batch.map((r) => r.id),
      today,
    );
    yield batch.map((r) => ({ ...r, balances: balances.get(r.id) ?? [] }));
    if (batch.length < 1000) return;
    after = batch.at(-1)!.id;
  }
}

export async function getClient(id: number) {
  const [row] = await getDb()
    .select({ ...clientRecordColumns, portalEmail: users.email, createdAt: clients.createdAt, updatedAt: clients.updatedAt })
    .from(clients)
    .leftJoin(users, eq(users.id, clients.userId))
    .where(eq(clients.id, id))
    .limit(1);
  return row ?? null;
}
export type ClientDetail = NonNullable<Awaited<ReturnType<typeof getClient>>>;

// One client's records, for its detail page. Each read takes the client id and
// puts it in the WHERE clause.

export async function listClientSubscriptions(clientId: number) {
  return getDb()
    .select({
      ...subscriptionColumns,
      serviceId: subscriptions.serviceId,
    })
    .from(subscriptions)
    .innerJoin(services, eq(services.id, subscriptions.serviceId))
    .where(eq(subscriptions.clientId, clientId))
    .orderBy(asc(subscriptions.status), desc(subscriptions.startedAt));
}

/** How many of a client's invoices and payments its detail page lists; the rest are counted (countClientRecords). */
export const CLIENT_RECORDS_SHOWN = 50;

/** The client's invoices, newest first, each with how often and when it was last reminded. */
export async function listClientInvoices(clientId: number, limit = CLIENT_RECORDS_SHOWN) {
  const reminders = sql`${outbox.relatedType} = 'invoice' and ${outbox.relatedId} = ${invoices.id} and ${outbox.template} in ('payment_reminder', 'reminder_friendly', 'reminder_firm')`;
  const rows = await getDb()
    .select({
      ...invoiceSummaryColumns,
      lastReminderAt: sql<Date | string | null>`(select max(${outbox.createdAt}) from ${outbox} where ${reminders})`,
      reminders: sql<number>`(select count(*) from ${outbox} where ${reminders})`,
    })
    .from(invoices)
    .where(eq(invoices.clientId, clientId))
    .orderBy(desc(invoices.issueDate), desc(invoices.id))
    .limit(limit);
  return rows.map((r) => ({ ...r, reminders: Number(r.reminders), lastReminderAt: r.lastReminderAt ? new Date(r.lastReminderAt) : null }));
}

export async function listClientPayments(clientId: number, limit = CLIENT_RECORDS_SHOWN) {
  return getDb()
    .select({
      ...paymentSummaryColumns,
      invoiceId: payments.invoiceId,
      invoiceNumber: invoices.number,
    })
    .from(payments)
    .innerJoin(invoices, eq(invoices.id, payments.invoiceId))
    .where(eq(payments.clientId, clientId))
    .orderBy(desc(payments.createdAt), desc(payments.id))
    .limit(limit);
}

/** How many invoices and payments the client has in all (the same rows the two lists above read), on the client_id indexes. */
export async function countClientRecords(clientId: number): Promise<{ invoices: number; payments: number }> {
  const db = getDb();
  const [[invoiceCount], [paymentCount]] = await Promise.all([
    db.select({ n: count() }).from(invoices).where(eq(invoices.clientId, clientId)),
    db.select({ n: count() }).from(payments).innerJoin(invoices, eq(invoices.id, payments.invoiceId)).where(eq(payments.clientId, clientId)),
  ]);
  return { invoices: Number(invoiceCount?.n ?? 0), payments: Number(paymentCount?.n ?? 0) };
}

/** Whether the client has invoices, payments or subscriptions, which rule out deleting it. */
export async function clientHasHistory(clientId: number): Promise<boolean> {
  const db = getDb();
  const [[inv], [pay], [sub]] = await Promise.all([
    db.select({ id: invoices.id }).from(invoices).where(eq(invoices.clientId, clientId)).limit(1),
    db.select({ id: payments.id }).from(payments).where(eq(payments.clientId, clientId)).limit(1),
    db.select({ id: subscriptions.id }).from(subscriptions).where(eq(subscriptions.clientId, clientId)).limit(1),
  ]);
  return Boolean(inv || pay || sub);
}

/** Active clients whose name starts with what was typed, for the invoice form's client picker: an index prefix scan, 20 at most. */
export async function clientOptions(typed: string) {
  const prefix = `${typed
    .trim()
    .slice(0, 100)
    .replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
  return getDb()
    .select({ id: clients.id, name: clients.name, email: clients.email, company: clients.company, currency: clients.currency })
    .from(clients)
    .where(and(isNull(clients.archivedAt), like(clients.name, prefix)))
    .orderBy(asc(clients.name), asc(clients.id))
    .limit(20);
}
