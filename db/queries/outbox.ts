import "server-only";
import { and, asc, desc, eq, gt, gte, like, lt, or, sql, type SQL } from "drizzle-orm";
import { getDb } from "@/db";
import { prepared } from "@/db/prepared";
import { outbox, outboxAttempts, type OutboxChannel, type OutboxStatus } from "@/db/schema";
import { addDaysIso, startOfDayIn } from "@/lib/dates";
import type { RelatedEntity } from "@/lib/notify/templates";

export type OutboxFilters = {
  channel?: OutboxChannel;
  status?: OutboxStatus;
  /** The start of the first recipient's address or number (a prefix match on an indexed column). */
  recipient?: string;
  /** Calendar dates, "YYYY-MM-DD", inclusive, in `timeZone`. */
  from?: string;
  to?: string;
  /** The zone the person filtering counts days in (the viewer's); UTC when absent. */
  timeZone?: string;
};

/** Which page: the rows after or before a cursor taken from a previous page. */
export type OutboxPageRequest = { cursor?: string; direction?: "older" | "newer"; pageSize?: number };

/** How many characters of a message's text a list line reads. */
export const PREVIEW_LENGTH = 300;

const summaryColumns = {
  id: outbox.id,
  channel: outbox.channel,
  status: outbox.status,
  toFirst: outbox.toFirst,
  to: outbox.to,
  subject: outbox.subject,
  // Enough of an SMS body for a list line, without reading whole email texts.
  text: sql<string>`LEFT(${outbox.text}, ${sql.raw(String(PREVIEW_LENGTH))})`.as("text_preview"),
  template: outbox.template,
  attempts: outbox.attempts,
  relatedType: outbox.relatedType,
  relatedId: outbox.relatedId,
  createdAt: outbox.createdAt,
  sentAt: outbox.sentAt,
};

export type OutboxSummary = Pick<typeof outbox.$inferSelect, keyof typeof summaryColumns>;

// The admin list also shows a captured message's codes and links (capture
// mode), so it reads their sealed values and what they are bound to; the
// sealed values of other messages stay in the database.
const listColumns = {
  ...summaryColumns,
  idempotencyKey: outbox.idempotencyKey,
  clientId: outbox.clientId,
  cc: outbox.cc,
  bcc: outbox.bcc,
  secrets: sql<string | null>`CASE WHEN ${outbox.status} = 'captured' THEN ${outbox.secrets} END`.as("captured_secrets"),
};

export type OutboxListRow = Pick<typeof outbox.$inferSelect, keyof typeof listColumns>;

type Cursor = { at: Date; id: number };

const encodeCursor = (row: { createdAt: Date; id: number }) => `${row.createdAt.getTime()}.${row.id}`;

function decodeCursor(value: string | undefined): Cursor | null {
  const match = /^(\d{1,15})\.(\d{1,15})$/.exec(value ?? "");
  return match ? { at: new Date(Number(match[1])), id: Number(match[2]) } : null;
}

function filterClauses(f: OutboxFilters): SQL[] {
  const where: SQL[] = [];
  if (f.channel) where.push(eq(outbox.channel, f.channel));
  if (f.status) where.push(eq(outbox.status, f.status));
  if (f.recipient) where.push(like(outbox.toFirst, `${f.recipient.replace(/[\\%_]/g, (c) => `\\${c}`)}%`));
  if (f.from) where.push(gte(outbox.createdAt, startOfDayIn(f.from, f.timeZone ?? "UTC")));
  if (f.to) where.push(lt(outbox.createdAt, startOfDayIn(addDaysIso(f.to, 1), f.timeZone ?? "UTC")));
  return where;
}

/**
 * The outbox, newest first, filtered, a page at a time. Keyset pagination on
 * (created_at, id): every page costs the same however deep it is, and rows
 * arriving meanwhile don't shift the pages. Callers check "outbox:read".
 */
export async function listOutbox(filters: OutboxFilters, page: OutboxPageRequest = {}) {
  const size = page.pageSize ?? 25;
  const cursor = decodeCursor(page.cursor);
  const newer = cursor !== null && page.direction === "newer";
  const where = filterClauses(filters);
  if (cursor) {
    const cmp = newer ? gt : lt;
    where.push(or(cmp(outbox.createdAt, cursor.at), and(eq(outbox.createdAt, cursor.at), cmp(outbox.id, cursor.id)))!);
  }
  const order = newer ? [asc(outbox.createdAt), asc(outbox.id)] : [desc(outbox.createdAt), desc(outbox.id)];
  const fetched = await getDb()
    .select(listColumns)
    .from(outbox)
    .where(and(...where))
    .orderBy(...order)
    .limit(size + 1);
  const more = fetched.length > size;
  const rows = fetched.slice(0, size);
  if (newer) rows.reverse();
  const first = rows[0];
  const last = rows.at(-1);
  return {
    rows,
    // Going newer, "more" means more newer rows; going older (or from the top), more older ones.
    newerCursor: first && (newer ? more : cursor !== null) ? encodeCursor(first) : null,
    olderCursor: last && (newer || more) ? encodeCursor(last) : null,
  };
}

/** One message in full, with its delivery attempts as `history`. Callers check "outbox:read". */
export async function getOutboxMessage(id: number) {
  const db = getDb();
  const [message] = await db.select().from(outbox).where(eq(outbox.id, id)).limit(1);
  if (!message) return null;
  const attempts = await db
    .select({
      id: outboxAttempts.id,
      attempt: outboxAttempts.attempt,
      workerId: outboxAttempts.workerId,
      outcome: outboxAttempts.outcome,
      error: outboxAttempts.error,
      durationMs: outboxAttempts.durationMs,
      at: outboxAttempts.at,
    })
    .from(outboxAttempts)
    .where(eq(outboxAttempts.outboxId, id))
    .orderBy(asc(outboxAttempts.id));
  return { ...message, history: attempts };
}

export type OutboxMessageDetail = NonNullable<Awaited<ReturnType<typeof getOutboxMessage>>>;

// Every invoice and service page reads it: built once (db/prepared.ts).
const messagesForQuery = prepared((db) =>
  db
    .select(summaryColumns)
    .from(outbox)
    .where(and(eq(outbox.relatedType, sql.placeholder("type")), eq(outbox.relatedId, sql.placeholder("id"))))
    .orderBy(desc(outbox.createdAt), desc(outbox.id))
    .limit(sql.placeholder("limit"))
    .prepare(),
);

/**
 * The messages tied to one record (an invoice's emails, reminders and
 * receipts), newest first, for that record's page. Callers check the
 * record's own read permission.
 */
export async function listMessagesFor(related: RelatedEntity, limit = 50): Promise<OutboxSummary[]> {
  return messagesForQuery().execute({ type: related.type, id: related.id, limit });
}

/** Every message about one client, newest first. Callers check "clients:read". */
export async function listMessagesForClient(clientId: number, limit = 50): Promise<OutboxSummary[]> {
  return getDb().select(summaryColumns).from(outbox).where(eq(outbox.clientId, clientId)).orderBy(desc(outbox.createdAt), desc(outbox.id)).limit(limit);
}
