import net from "node:net";
import type { RowDataPacket } from "mysql2/promise";
import { RateLimiterMySQL } from "rate-limiter-flexible";
import { createPools, type Pools } from "@/db/connect";
import { env } from "@/lib/env";

// DATABASE_FAILOVER_URLS through mysql2's PoolCluster (db/connect.ts), against
// the test server and a port where nothing answers: the first host in the
// list is down, so every connection must go to the next one, with the same
// session settings as the single-host pool.

async function deadPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

let pools: Pools | undefined;
afterEach(async () => {
  await pools?.end();
  pools = undefined;
});

describe("failover hosts", () => {
  it("uses the next host when the first refuses, for queries and for transactions, in UTC", async () => {
    const live = env().DATABASE_URL;
    const dead = new URL(live);
    dead.port = String(await deadPort());
    pools = createPools({ ...env(), DATABASE_URL: dead.toString(), DATABASE_FAILOVER_URLS: [live], DATABASE_FAILOVER_RETRY_MS: 60_000 });
    expect(pools.hosts).toEqual([`127.0.0.1:${dead.port}`, `${new URL(live).hostname}:${new URL(live).port}`]);
    const [rows] = await pools.pool.query<RowDataPacket[]>("SELECT @@session.time_zone AS tz, DATABASE() AS db");
    expect(rows[0]).toEqual({ tz: "+00:00", db: new URL(live).pathname.slice(1) });
    const conn = await pools.pool.getConnection();
    try {
      await conn.beginTransaction();
      const [[one]] = await conn.query<RowDataPacket[]>("SELECT 1 AS one");
      expect(one).toEqual({ one: 1 });
      await conn.commit();
    } finally {
      conn.release();
    }
  });

  it("gives the rate limiter's MySQL store a working pool through the failover host", async () => {
    const live = env().DATABASE_URL;
    const dead = new URL(live);
    dead.port = String(await deadPort());
    pools = createPools({ ...env(), DATABASE_URL: dead.toString(), DATABASE_FAILOVER_URLS: [live] });
    const limiter = new RateLimiterMySQL({
      storeClient: pools.callbackPool,
      storeType: "pool",
      dbName: new URL(live).pathname.slice(1),
      tableName: "rate_limiter",
      tableCreated: true,
      keyPrefix: "failover-test",
      points: 2,
      duration: 60,
    });
    const key = `k${Date.now()}`;
    expect((await limiter.consume(key)).remainingPoints).toBe(1);
    expect((await limiter.consume(key)).remainingPoints).toBe(0);
    await expect(limiter.consume(key)).rejects.toMatchObject({ remainingPoints: 0 });
  });

  it("keeps the single-host pool when no failover host is set", async () => {
    pools = createPools({ ...env(), DATABASE_FAILOVER_URLS: [] });
    expect(pools.hosts).toHaveLength(1);
    const [rows] = await pools.pool.query<RowDataPacket[]>("SELECT @@session.time_zone AS tz");
    expect(rows[0]).toEqual({ tz: "+00:00" });
  });

  it("fails with the cluster's error when no host answers", async () => {
    const a = await deadPort();
    const b = await deadPort();
    pools = createPools({ ...env(), DATABASE_URL: `mysql://root@127.0.0.1:${a}/x`, DATABASE_FAILOVER_URLS: [`mysql://root@127.0.0.1:${b}/x`] });
    await expect(pools.pool.query("SELECT 1")).rejects.toThrow(/ECONNREFUSED|online node|does Not exist/);
  });
});
