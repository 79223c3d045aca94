// The data rules from DESIGN.md ("Rules the data always keeps") as SQL, so
// tests and `npm run db:seed -- --verify` can check a whole database, seeded
// or not. Each query selects the ids of the rows that break one rule.
import type { RowDataPacket } from "mysql2/promise";
import type { SqlPool } from "../connect";

const PAID_SUMS = "SELECT invoice_id, SUM(amount_minor) AS paid FROM payments WHERE status = 'succeeded' GROUP BY invoice_id";
const ITEM_SUMS = "SELECT invoice_id, SUM(line_total_minor) AS subtotal FROM invoice_items GROUP BY invoice_id";

const RULES: { rule: string; sql: string }[] = [
  {
    rule: "amount_paid equals the sum of succeeded payments and never exceeds the total",
    sql: `SELECT i.id FROM invoices i LEFT JOIN (${PAID_SUMS}) p ON p.invoice_id = i.id
          WHERE i.amount_paid_minor <> COALESCE(p.paid, 0) OR i.amount_paid_minor > i.total_minor OR i.amount_paid_minor < 0`,
  },
  {
    rule: "status follows the amounts (paid: paid = total > 0; partially paid: 0 < paid < total; otherwise nothing paid)",
    sql: `SELECT id FROM invoices WHERE
            (status = 'paid' AND NOT (amount_paid_minor = total_minor AND total_minor > 0))
         OR (status = 'partially_paid' AND NOT (amount_paid_minor > 0 AND amount_paid_minor < total_minor))
         OR (status IN ('draft', 'sent', 'void') AND amount_paid_minor <> 0)`,
  },
  {
    rule: "totals add up: subtotal is the sum of the lines, total = subtotal - discount + tax",
    sql: `SELECT i.id FROM invoices i LEFT JOIN (${ITEM_SUMS}) s ON s.invoice_id = i.id
          WHERE i.subtotal_minor <> COALESCE(s.subtotal, 0) OR i.total_minor <> i.subtotal_minor - i.discount_minor + i.tax_minor
             OR i.discount_minor > i.subtotal_minor OR i.total_minor < 0`,
  },
  {
    rule: "drafts have no number; issued invoices have a number and sent_at",
    sql: "SELECT id FROM invoices WHERE (status = 'draft') <> (number IS NULL) OR (status <> 'draft' AND sent_at IS NULL)",
  },
  {
    rule: "paid invoices have paid_at; void ones have voided_at and a reason",
    sql: "SELECT id FROM invoices WHERE (status = 'paid' AND paid_at IS NULL) OR (status = 'void' AND (voided_at IS NULL OR void_reason IS NULL))",
  },
  {
    rule: "invoice_counters are at or past the highest number issued per prefix and year",
    sql: `SELECT MIN(i.id) AS id FROM invoices i
          LEFT JOIN invoice_counters c ON c.prefix = SUBSTRING_INDEX(i.number, '-', 1)
                                      AND c.year = CAST(SUBSTRING_INDEX(SUBSTRING_INDEX(i.number, '-', 2), '-', -1) AS UNSIGNED)
          WHERE i.number IS NOT NULL
          GROUP BY SUBSTRING_INDEX(i.number, '-', 2)
          HAVING MAX(CAST(SUBSTRING_INDEX(i.number, '-', -1) AS UNSIGNED)) > COALESCE(MAX(c.last_seq), 0)`,
  },
  {
    rule: "payments are positive and belong to their invoice's client, in its currency",
    sql: `SELECT p.id FROM payments p JOIN invoices i ON i.id = p.invoice_id
          WHERE p.amount_minor <= 0 OR p.client_id <> i.client_id OR p.currency <> i.currency`,
  },
  {
    rule: "SMS goes only to clients who opted in",
    sql: "SELECT o.id FROM outbox o JOIN clients c ON c.id = o.client_id WHERE o.channel = 'sms' AND c.sms_opt_in = 0",
  },
  {
    rule: "subscription periods run forwards",
    sql: "SELECT id FROM subscriptions WHERE current_period_end < current_period_start",
  },
];

/** Descriptions of every broken rule, empty when the data is consistent. */
export async function findViolations(pool: SqlPool): Promise<string[]> {
  const problems: string[] = [];
  for (const { rule, sql } of RULES) {
    const [rows] = await pool.query<RowDataPacket[]>(`SELECT COUNT(*) AS n, MIN(id) AS first FROM (${sql}) v`);
    const n = Number(rows[0]?.n ?? 0);
    if (n > 0) problems.push(`${rule}: ${n} row(s) break it, the first is id ${rows[0]?.first}`);
  }
  return problems;
}
