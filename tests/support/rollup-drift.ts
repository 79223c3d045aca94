import type { DbOrTx } from "@/db";
import { findRollupDrift } from "@/lib/rollups/rebuild";

/**
 * Where the invoice and service rollups disagree with a recount (empty when
 * they agree). The client rollup is left out: tests make clients with
 * factories or raw SQL that skip it on purpose.
 */
export async function invoiceAndServiceDrift(db: DbOrTx): Promise<string[]> {
  return (await findRollupDrift(db)).filter((line) => !line.startsWith("rollup_client_days"));
}
