import "server-only";
import { inArray, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { rateLimits } from "@/db/schema";

export type Limit = { bucket: string; max: number; windowSeconds: number };

/** Counts one hit in a fixed window, atomically, in one round trip. */
export async function hitLimit(db: DbOrTx, limit: Limit): Promise<void> {
  await db.execute(sql`
    INSERT INTO rate_limits (bucket, window_start, hits) VALUES (${limit.bucket}, NOW(3), 1)
    ON DUPLICATE KEY UPDATE
      hits = IF(window_start < NOW(3) - INTERVAL ${limit.windowSeconds} SECOND, 1, hits + 1),
      window_start = IF(window_start < NOW(3) - INTERVAL ${limit.windowSeconds} SECOND, NOW(3), window_start)`);
}

/** Seconds until the first exhausted limit frees up, or 0 when every limit has room. */
export async function limitedFor(db: DbOrTx, limits: Limit[]): Promise<number> {
  if (limits.length === 0) return 0;
  const rows = await db
    .select({ bucket: rateLimits.bucket, hits: rateLimits.hits, windowStart: rateLimits.windowStart })
    .from(rateLimits)
    .where(inArray(rateLimits.bucket, limits.map((l) => l.bucket)));
  const now = Date.now();
  let wait = 0;
  for (const row of rows) {
    const limit = limits.find((l) => l.bucket === row.bucket)!;
    const endsAt = row.windowStart.getTime() + limit.windowSeconds * 1000;
    if (endsAt > now && row.hits >= limit.max) wait = Math.max(wait, Math.ceil((endsAt - now) / 1000));
  }
  return wait;
}

export async function clearLimit(db: DbOrTx, bucket: string): Promise<void> {
  await db.delete(rateLimits).where(inArray(rateLimits.bucket, [bucket]));
}
