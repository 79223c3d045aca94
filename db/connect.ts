import mysql from "mysql2/promise";
import type { Env } from "@/lib/env";

/** What the app needs from a pool: one host's mysql2 Pool or the ordered PoolCluster namespace. */
export type SqlPool = Pick<mysql.Pool, "query" | "execute" | "getConnection">;

/** A callback-style pool (getConnection(cb) / release()) for rate-limiter-flexible's MySQL store. */
export type CallbackPool = { getConnection: (cb: (err: unknown, conn: unknown) => void) => void };

export type Pools = {
  pool: SqlPool;
  callbackPool: CallbackPool;
  /** The hosts in the order they are tried (passwords removed). */
  hosts: string[];
  end(): Promise<void>;
};

// Every timestamp is UTC, so NOW() and Date values agree on any server.
const UTC = "SET time_zone = '+00:00'";

function hostLabel(url: string): string {
  const u = new URL(url);
  return `${u.hostname}:${u.port || 3306}`;
}

/**
 * One mysql2 pool for DATABASE_URL alone, exactly as before. With
 * DATABASE_FAILOVER_URLS, a PoolCluster that sends every new connection to
 * the first host that is up, in the order given: a host that refuses a
 * connection is skipped for DATABASE_FAILOVER_RETRY_MS, then tried first again.
 * These are failover hosts of one multi-primary cluster (Galera), not read
 * replicas: every query may write.
 */
export function createPools(e: Env): Pools {
  // trace: false: mysql2 would capture a stack for every query (1% of an invoice page's CPU) to
  // name the caller of one that fails; Drizzle's DrizzleQueryError already does, from the caller's
  // await (tests/integration/query-errors.test.ts).
  const options = { connectionLimit: e.DATABASE_POOL_SIZE, timezone: "Z", supportBigNumbers: true, bigNumberStrings: false, enableKeepAlive: true, trace: false } as const;
  const urls = [e.DATABASE_URL, ...e.DATABASE_FAILOVER_URLS];
  if (urls.length === 1) {
    const pool = mysql.createPool({ uri: e.DATABASE_URL, ...options });
    pool.on("connection", (conn) => {
      conn.query(UTC);
    });
    return { pool, callbackPool: pool.pool as unknown as CallbackPool, hosts: urls.map(hostLabel), end: () => pool.end() };
  }

  const cluster = mysql.createPoolCluster({
    canRetry: true,
    // One refused connection takes a host out for the retry period; then it is tried first again.
    removeNodeErrorCount: 1,
    restoreNodeTimeout: e.DATABASE_FAILOVER_RETRY_MS,
    defaultSelector: "ORDER",
  });
  // The core (callback) cluster: its per-host pools announce new connections, which the promise wrapper does not pass on.
  const core = (cluster as unknown as { poolCluster: CoreCluster }).poolCluster;
  urls.forEach((uri, i) => {
    const id = `host${i + 1}`;
    // A dead host should fail over fast, not after the default 10 s connect timeout.
    cluster.add(id, { uri, ...options, connectTimeout: 3000 });
    const node = core?._nodes?.[id];
    if (!node?.pool?.on) throw new Error("mysql2's PoolCluster internals changed: db/connect.ts cannot set the session time zone on its connections.");
    node.pool.on("connection", (conn) => conn.query(UTC, () => {}));
  });
  const namespace = cluster.of("*", "ORDER");
  return {
    pool: namespace as unknown as SqlPool,
    callbackPool: { getConnection: (cb) => core.getConnection("*", "ORDER", cb) },
    hosts: urls.map(hostLabel),
    end: () => cluster.end(),
  };
}

type CoreCluster = {
  _nodes?: Record<string, { pool?: { on: (event: "connection", fn: (conn: { query: (sql: string, cb: () => void) => void }) => void) => void } }>;
  getConnection: (pattern: string, selector: string, cb: (err: unknown, conn: unknown) => void) => void;
};
