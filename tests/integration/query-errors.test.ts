import { sql } from "drizzle-orm";
import { getDb } from "@/db";
import { createPools } from "@/db/connect";
import { env } from "@/lib/env";

// The pool doesn't have mysql2 capture a stack for every query (db/connect.ts:
// trace: false). A query that fails must still say which of our functions
// sent it, and keep the server's error code for callers such as isDuplicateKey.

async function readFromATableThatIsNotThere() {
  return await getDb().execute(sql`select * from no_such_table_here`);
}

async function theCallerOfTheRead() {
  return await readFromATableThatIsNotThere();
}

describe("a failed query's error", () => {
  it("names the functions that sent it, the statement, and the server's code", async () => {
    const error = await theCallerOfTheRead().then(
      () => null,
      (e: unknown) => e as Error & { cause?: { code?: string } },
    );
    expect(error).not.toBeNull();
    expect(error!.message).toContain("select * from no_such_table_here");
    expect(error!.cause?.code).toBe("ER_NO_SUCH_TABLE");
    expect(error!.stack).toContain("readFromATableThatIsNotThere");
    expect(error!.stack).toContain("theCallerOfTheRead");
  });

  it("comes from a pool that doesn't trace every query", async () => {
    const pools = createPools(env());
    try {
      const config = (pools.pool as unknown as { pool: { config: { connectionConfig: { trace: boolean } } } }).pool.config.connectionConfig;
      expect(config.trace).toBe(false);
    } finally {
      await pools.end();
    }
  });
});
