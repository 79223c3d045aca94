import "server-only";
import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { inTransaction } from "@/lib/transaction";

// Each rollup as a recount from the tables it summarises. rebuildRollups()
// writes these; findRollupDrift() compares them with what the rollups hold.
// Dates come back as YYYY-MM-DD text so both sides compare as strings.
const ROLLUPS = [
  {
    table: "rollup_invoice_days",
    columns: "currency, issue_date, due_date, status, invoice_count, total_minor, paid_minor",
    key: ["currency", "issue_date", "due_date", "status"],
    stored: `select currency, date_format(issue_date, '%Y-%m-%d') as issue_date, date_format(due_date, '%Y-%m-%d') as due_date, status,
               invoice_count, total_minor, paid_minor
             from rollup_invoice_days where invoice_count <> 0 or total_minor <> 0 or paid_minor <> 0`,
    recount: `select currency, date_format(issue_date, '%Y-%m-%d') as issue_date, date_format(due_date, '%Y-%m-%d') as due_date, status,
                count(*) as invoice_count, sum(total_minor) as total_minor, sum(amount_paid_minor) as paid_minor
              from invoices group by currency, issue_date, due_date, status`,
  },
  {
    table: "rollup_service_days",
    columns: "currency, issue_date, service_id, line_count, amount_minor",
    key: ["currency", "issue_date", "service_id"],
    stored: `select currency, date_format(issue_date, '%Y-%m-%d') as issue_date, service_id, line_count, amount_minor
             from rollup_service_days where line_count <> 0 or amount_minor <> 0`,
    recount: `select i.currency, date_format(i.issue_date, '%Y-%m-%d') as issue_date, it.service_id, count(*) as line_count, sum(it.line_total_minor) as amount_minor
              from invoice_items it join invoices i on i.id = it.invoice_id
              where it.service_id is not null and i.status in ('sent', 'partially_paid', 'paid')
              group by i.currency, i.issue_date, it.service_id`,
  },
  {
    table: "rollup_client_days",
    columns: "day, created_count, archived_count",
    key: ["day"],
    stored: `select date_format(day, '%Y-%m-%d') as day, created_count, archived_count
             from rollup_client_days where created_count <> 0 or archived_count <> 0`,
    recount: `select date_format(date(created_at), '%Y-%m-%d') as day, count(*) as created_count, sum(archived_at is not null) as archived_count
              from clients group by 1`,
  },
] as const;

type Row = Record<string, unknown>;

async function rows(db: DbOrTx, query: string): Promise<Row[]> {
  const [result] = (await db.execute(sql.raw(query))) as unknown as [Row[]];
  return result;
}

/**
 * Recomputes every rollup from scratch, in one transaction: after a bulk
 * load (the seeds), or to repair drift. Money changes that run meanwhile
 * wait for it, since the recount reads lock the rows they read.
 */
export async function rebuildRollups(db: DbOrTx): Promise<void> {
  await inTransaction(db, async (tx) => {
    for (const r of ROLLUPS) {
      // DELETE, not TRUNCATE: TRUNCATE would commit the transaction half way.
      await tx.execute(sql.raw(`delete from ${r.table}`));
      await tx.execute(sql.raw(`insert into ${r.table} (${r.columns}) select * from (${r.recount}) as recount`));
    }
  });
}

/**
 * Where the rollups and a recount disagree, one line per differing row
 * (empty when they agree). Reads whole tables: for tests and checks, not
 * for requests.
 */
export async function findRollupDrift(db: DbOrTx): Promise<string[]> {
  const problems: string[] = [];
  for (const r of ROLLUPS) {
    const keyOf = (row: Row) => r.key.map((k) => String(row[k])).join("|");
    const values = (row: Row | undefined) =>
      r.columns
        .split(", ")
        .filter((c) => !(r.key as readonly string[]).includes(c))
        .map((c) => `${c}=${Number(row?.[c] ?? 0)}`)
        .join(" ");
    const stored = new Map((await rows(db, r.stored)).map((row) => [keyOf(row), row]));
    const recount = new Map((await rows(db, r.recount)).map((row) => [keyOf(row), row]));
    for (const key of new Set([...stored.keys(), ...recount.keys()])) {
      const [have, want] = [values(stored.get(key)), values(recount.get(key))];
      if (have !== want) problems.push(`${r.table} [${key}]: rollup has ${have}, recount gives ${want}`);
    }
  }
  return problems;
}
