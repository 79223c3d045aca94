// Bulk data for benchmarks: N clients and M invoices (with lines and payments)
// over the last three years, appended with multi-row INSERTs in one
// transaction per batch. The data keeps every rule the app keeps, at scale.
import { drizzle } from "drizzle-orm/mysql2";
import type { Pool, PoolConnection, ResultSetHeader, RowDataPacket } from "mysql2/promise";
import type { SqlPool } from "../connect";
import * as schema from "@/db/schema";
import { rebuildRollups } from "@/lib/rollups/rebuild";
import { addDays, startOfDay } from "./dates";
import { seedDemo } from "./demo";
import { Rng } from "./random";
import {
  CLIENT_COLUMNS,
  INVOICE_COLUMNS,
  INVOICE_ISSUE_DATE,
  INVOICE_NUMBER,
  INVOICE_STATUS,
  ITEM_COLUMNS,
  ITEM_INVOICE_ID,
  PAYMENT_COLUMNS,
  PAYMENT_INVOICE_ID,
  PAYMENT_KEY,
  clientRow,
  invoiceRows,
  type InvoiceRows,
  type Row,
  type ScaleFrame,
} from "./scale-rows";

export type ScaleOptions = {
  clients: number;
  invoices: number;
  /** The anchor; the window is the three years before it. Defaults to now. */
  today?: Date;
  appUrl?: string;
  onProgress?: (message: string) => void;
};

export type TableTiming = { rows: number; ms: number };
export type ScaleTable = "clients" | "invoices" | "invoice_items" | "payments";
export type ScaleResult = { demoCreated: boolean; tables: Record<ScaleTable, TableTiming>; totalMs: number };

// Big enough to amortise round trips, small enough to stay well under max_allowed_packet.
const BATCH = 4000;
const SPAN_DAYS = 3 * 365;
const SEED = 0xb01d_5eed;

type Run = {
  conn: PoolConnection;
  frame: ScaleFrame;
  prefix: string;
  idStep: number;
  tables: Record<ScaleTable, TableTiming>;
  progress: (message: string) => void;
  started: number;
};

async function timed<T>(run: Run, table: ScaleTable, rows: number, work: () => Promise<T>): Promise<T> {
  const t = performance.now();
  const result = await work();
  run.tables[table].ms += performance.now() - t;
  run.tables[table].rows += rows;
  return result;
}

/** Runs one batch in a transaction; builds the next batch while the database works on this one. */
async function pipeline<T>(count: number, build: (from: number, to: number) => T, write: (batch: T) => Promise<void>): Promise<void> {
  let pending: Promise<void> | undefined;
  for (let from = 0; from < count; from += BATCH) {
    const batch = build(from, Math.min(count, from + BATCH));
    await pending;
    pending = write(batch);
  }
  await pending;
}

async function inTransaction(conn: PoolConnection, work: () => Promise<void>): Promise<void> {
  await conn.beginTransaction();
  try {
    await work();
    await conn.commit();
  } catch (error) {
    await conn.rollback();
    throw error;
  }
}

function reportEvery(run: Run, label: string, total: number): (done: number) => void {
  // About ten lines per table, on batch boundaries.
  const step = Math.max(1, Math.round(total / 10 / BATCH)) * BATCH;
  let next = step;
  return (done) => {
    if (done < next && done < total) return;
    next += step;
    run.progress(`${label}: ${done.toLocaleString("en-US")} / ${total.toLocaleString("en-US")} (${((performance.now() - run.started) / 1000).toFixed(1)} s)`);
  };
}

async function insertClients(run: Run, count: number): Promise<number[]> {
  const { conn, frame } = run;
  const [[last]] = await conn.query<RowDataPacket[]>("SELECT COALESCE(MAX(id), 0) AS id FROM clients");
  // Numbers in emails continue past every existing id, so a second run adds distinct emails.
  const base = Number(last?.id ?? 0);
  const ids: number[] = [];
  const report = reportEvery(run, "clients", count);
  await pipeline(
    count,
    (from, to) => Array.from({ length: to - from }, (_, k) => clientRow(frame, base + from + k + 1, Math.floor(((from + k) * frame.spanDays) / count))),
    async (rows) => {
      await inTransaction(conn, async () => {
        const [res] = await timed(run, "clients", rows.length, () => conn.query<ResultSetHeader>(`INSERT INTO clients (${CLIENT_COLUMNS.join(", ")}) VALUES ?`, [rows]));
        for (let k = 0; k < rows.length; k++) ids.push(res.insertId + k * run.idStep);
      });
      report(ids.length);
    },
  );
  return ids;
}

/** Numbers the batch's issued invoices from invoice_counters, locked FOR UPDATE as the app does. */
async function allocateNumbers(run: Run, batch: InvoiceRows[]): Promise<void> {
  const issued = batch.filter((b) => b.invoice[INVOICE_STATUS] !== "draft");
  const yearOf = (b: InvoiceRows) => Number(String(b.invoice[INVOICE_ISSUE_DATE]).slice(0, 4));
  const years = [...new Set(issued.map(yearOf))].sort();
  if (years.length === 0) return;
  const { conn, prefix } = run;
  await conn.query("INSERT INTO invoice_counters (prefix, year, last_seq) VALUES ? ON DUPLICATE KEY UPDATE last_seq = last_seq", [years.map((y) => [prefix, y, 0])]);
  const [rows] = await conn.query<RowDataPacket[]>("SELECT year, last_seq FROM invoice_counters WHERE prefix = ? AND year IN (?) FOR UPDATE", [prefix, years]);
  const seq = new Map(rows.map((r) => [Number(r.year), Number(r.last_seq)]));
  for (const b of issued) {
    const year = yearOf(b);
    const next = (seq.get(year) ?? 0) + 1;
    seq.set(year, next);
    b.invoice[INVOICE_NUMBER] = `${prefix}-${year}-${String(next).padStart(4, "0")}`;
  }
  for (const year of years) await conn.query("UPDATE invoice_counters SET last_seq = ? WHERE prefix = ? AND year = ?", [seq.get(year), prefix, year]);
}

async function writeInvoices(run: Run, batch: InvoiceRows[]): Promise<void> {
  const { conn } = run;
  await inTransaction(conn, async () => {
    await timed(run, "invoices", 0, () => allocateNumbers(run, batch));
    const [res] = await timed(run, "invoices", batch.length, () => conn.query<ResultSetHeader>(`INSERT INTO invoices (${INVOICE_COLUMNS.join(", ")}) VALUES ?`, [batch.map((b) => b.invoice)]));
    const items: Row[] = [];
    const payments: Row[] = [];
    batch.forEach((b, k) => {
      const id = res.insertId + k * run.idStep;
      for (const item of b.items) {
        item[ITEM_INVOICE_ID] = id;
        items.push(item);
      }
      if (b.payment) {
        b.payment[PAYMENT_INVOICE_ID] = id;
        b.payment[PAYMENT_KEY] = `seed-bulk-${id}`;
        payments.push(b.payment);
      }
    });
    await timed(run, "invoice_items", items.length, () => conn.query(`INSERT INTO invoice_items (${ITEM_COLUMNS.join(", ")}) VALUES ?`, [items]));
    if (payments.length > 0) await timed(run, "payments", payments.length, () => conn.query(`INSERT INTO payments (${PAYMENT_COLUMNS.join(", ")}) VALUES ?`, [payments]));
  });
}

async function insertInvoices(run: Run, clientIds: number[], count: number): Promise<void> {
  const { frame } = run;
  const report = reportEvery(run, "invoices", count);
  let done = 0;
  await pipeline(
    count,
    (from, to) =>
      Array.from({ length: to - from }, (_, k) => {
        // Invoices move through the window in order; each goes to a client who existed by then.
        const f = (from + k + 0.5) / count;
        const known = Math.max(1, Math.ceil(f * clientIds.length));
        return invoiceRows(frame, clientIds[Math.floor(frame.rng.next() * known)]!, Math.floor(f * frame.spanDays));
      }),
    async (batch) => {
      await writeInvoices(run, batch);
      done += batch.length;
      report(done);
    },
  );
}

async function loadFrame(conn: PoolConnection, now: Date): Promise<{ frame: ScaleFrame; prefix: string; idStep: number }> {
  const [[settings]] = await conn.query<RowDataPacket[]>("SELECT default_currency, tax_rate_bp, due_days, invoice_prefix FROM settings WHERE id = 1");
  const [staff] = await conn.query<RowDataPacket[]>("SELECT id FROM users WHERE role IN ('admin', 'staff') AND status = 'active' ORDER BY id");
  const [catalog] = await conn.query<RowDataPacket[]>("SELECT id, name FROM services ORDER BY id");
  const [[counts]] = await conn.query<RowDataPacket[]>("SELECT (SELECT COUNT(*) FROM clients) + (SELECT COUNT(*) FROM invoices) AS n, @@auto_increment_increment AS step");
  const today = startOfDay(now);
  return {
    frame: {
      // Seeded by what's already there: a fresh database always gets the same bulk data.
      rng: new Rng(SEED ^ Number(counts?.n ?? 0)),
      start: addDays(today, -SPAN_DAYS),
      spanDays: SPAN_DAYS,
      currency: String(settings?.default_currency ?? "USD"),
      taxRateBp: Number(settings?.tax_rate_bp ?? 0),
      dueDays: Number(settings?.due_days ?? 14),
      staffIds: staff.map((r) => Number(r.id)),
      serviceIds: new Map(catalog.map((r) => [String(r.name), Number(r.id)])),
    },
    prefix: String(settings?.invoice_prefix ?? "INV"),
    idStep: Number(counts?.step ?? 1),
  };
}

/**
 * Appends bulk data. Makes sure the demo seed exists first, so the demo
 * logins work against the big data set. Not idempotent: each run adds more.
 */
export async function seedScale(pool: SqlPool, opts: ScaleOptions): Promise<ScaleResult> {
  if (opts.invoices > 0 && opts.clients === 0) throw new Error("Bulk invoices need bulk clients: pass clients > 0.");
  const started = performance.now();
  const now = opts.today ?? new Date();
  const db = drizzle(pool as Pool, { schema, mode: "default" });
  const demo = await seedDemo(db, { today: now, appUrl: opts.appUrl });
  const conn = await pool.getConnection();
  try {
    const tables: Record<ScaleTable, TableTiming> = {
      clients: { rows: 0, ms: 0 },
      invoices: { rows: 0, ms: 0 },
      invoice_items: { rows: 0, ms: 0 },
      payments: { rows: 0, ms: 0 },
    };
    const run: Run = { conn, ...(await loadFrame(conn, now)), tables, progress: opts.onProgress ?? (() => undefined), started };
    const clientIds = await insertClients(run, opts.clients);
    await insertInvoices(run, clientIds, opts.invoices);
    // The bulk rows bypass the domain code, so the dashboard rollups are recounted once at the end.
    const t = performance.now();
    await rebuildRollups(db);
    run.progress(`dashboard rollups rebuilt in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    return { demoCreated: demo.created, tables, totalMs: performance.now() - started };
  } finally {
    conn.release();
  }
}
