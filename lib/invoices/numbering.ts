import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Tx } from "@/db";
import { invoiceCounters, invoices } from "@/db/schema";

export function formatInvoiceNumber(prefix: string, year: number, seq: number): string {
  return `${prefix}-${year}-${String(seq).padStart(4, "0")}`;
}

/**
 * The next number for a prefix and year, inside the caller's transaction.
 * The counter row is created if missing (so the lock always has a row), then
 * locked FOR UPDATE until commit: concurrent issuers wait in line and each
 * gets its own number, and a rollback gives the number back.
 */
export async function allocateInvoiceNumber(tx: Tx, prefix: string, year: number): Promise<string> {
  await tx.execute(sql`INSERT INTO ${invoiceCounters} (prefix, year, last_seq) VALUES (${prefix}, ${year}, 0) ON DUPLICATE KEY UPDATE last_seq = last_seq`);
  const where = and(eq(invoiceCounters.prefix, prefix), eq(invoiceCounters.year, year));
  const [counter] = await tx.select({ lastSeq: invoiceCounters.lastSeq }).from(invoiceCounters).where(where).for("update");
  let seq = (counter?.lastSeq ?? 0) + 1;
  // Numbers written by an import without a counter are skipped, not reused.
  for (let guard = 0; guard < 1000; guard++) {
    const candidate = formatInvoiceNumber(prefix, year, seq);
    const [taken] = await tx.select({ id: invoices.id }).from(invoices).where(eq(invoices.number, candidate)).limit(1);
    if (!taken) break;
    seq += 1;
  }
  await tx.update(invoiceCounters).set({ lastSeq: seq }).where(where);
  return formatInvoiceNumber(prefix, year, seq);
}
