import "server-only";
import { sql } from "drizzle-orm";
import type { Tx } from "@/db";

export type ClientChange = "create" | "archive" | "restore" | "delete";

// [created, archived constant, archived if the row is archived now]
const DELTAS: Record<ClientChange, [number, number, number]> = {
  create: [1, 0, 1],
  archive: [0, 1, 0],
  restore: [0, -1, 0],
  delete: [-1, 0, -1],
};

/**
 * Keeps the client-per-day rollup in step with one client row, inside the
 * transaction that changes it. Call it after inserting ("create"), after
 * setting or clearing archived_at ("archive", "restore"), and before
 * deleting ("delete"): it reads the day from the row itself, so the day
 * always matches what a recount would see.
 */
export async function applyClientChange(tx: Tx, clientId: number, change: ClientChange): Promise<void> {
  const [created, archivedConst, archivedIfArchived] = DELTAS[change];
  await tx.execute(sql`
    insert into rollup_client_days (day, created_count, archived_count)
    select date(created_at), ${created}, ${archivedConst} + ${archivedIfArchived} * (archived_at is not null)
    from clients where id = ${clientId}
    on duplicate key update created_count = created_count + values(created_count), archived_count = archived_count + values(archived_count)`);
}
