// `npm run bench:cluster`: payments per second and p95 latency on a 3-node
// Galera cluster, all writes through one node against writes spread over the
// three, in one run. Starts a fresh cluster in .data/cluster-bench/ (ports
// from CLUSTER_PORT_BASE, default 3470), issues invoices, then records part
// payments (recordPayment: invoice lock, payment row, audit row, receipt in
// the outbox, rollups) from `--concurrency` callers (default 24).
//
//   npm run bench:cluster [-- --payments 1500 --invoices 150 --concurrency 24]
import path from "node:path";
import { parseArgs } from "node:util";
import { drizzle } from "drizzle-orm/mysql2";
import type { Pool } from "mysql2/promise";
import type { Db } from "@/db";
import { closeDb, getDb } from "@/db";
import { createPools, type Pools } from "@/db/connect";
import * as schema from "@/db/schema";
import type { Actor } from "@/lib/actor";
import { env } from "@/lib/env";
import { createDraftInvoice } from "@/lib/invoices/drafts";
import { issueInvoice } from "@/lib/invoices/issue";
import { recordPayment } from "@/lib/payments";
import { createUser } from "@/tests/support/factories";
import { createClient, draft, ensureSettings, line } from "@/tests/support/invoices";
import { ensureGaleraPackages, hostListEnv, startCluster as startClusterUntyped } from "./lib/cluster.mjs";
import { bin, run as runUntyped } from "./lib/process.mjs";
import { log } from "./lib/system.mjs";

type Cluster = { nodes: { name: string; url: string }[]; stop(): Promise<void> };
const startCluster = startClusterUntyped as unknown as (root: string, o: { dir: string; base: number; fresh: boolean; database: string }) => Promise<Cluster>;
const run = runUntyped as (cmd: string, args: string[], o: { env: NodeJS.ProcessEnv; cwd: string }) => Promise<number>;
const root = path.resolve(__dirname, "..");
const { values: flags } = parseArgs({ options: { payments: { type: "string", default: "1500" }, invoices: { type: "string", default: "150" }, concurrency: { type: "string", default: "24" } } });
const PAYMENTS = Number(flags.payments);
const INVOICES = Number(flags.invoices);
const CONCURRENCY = Number(flags.concurrency);

function p(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
}

async function measure(label: string, dbFor: (i: number) => Db, invoiceIds: number[], staff: Actor) {
  const latencies: number[] = [];
  let next = 0;
  let retriedOrFailed = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async (_, worker) => {
      for (let i = next++; i < PAYMENTS; i = next++) {
        const t = performance.now();
        try {
          await recordPayment(dbFor(worker), {
            invoiceId: invoiceIds[i % invoiceIds.length]!,
            amountMinor: 100,
            method: "bank_transfer",
            status: "succeeded",
            idempotencyKey: `bench:${label}:${i}`,
            actor: staff,
          });
        } catch {
          retriedOrFailed += 1;
        }
        latencies.push(performance.now() - t);
      }
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  latencies.sort((a, b) => a - b);
  return { label, perSecond: PAYMENTS / seconds, p50: p(latencies, 0.5), p95: p(latencies, 0.95), failed: retriedOrFailed };
}

async function main() {
  ensureGaleraPackages();
  const base = Number(process.env.CLUSTER_PORT_BASE ?? 3470);
  const cluster = await startCluster(root, { dir: "cluster-bench", base, fresh: true, database: "clientdesk_bench" });
  const pools: Pools[] = [];
  try {
    Object.assign(process.env, hostListEnv(cluster.nodes, 0), {
      AUTH_SECRET: "bench-secret-bench-secret-bench-secret-0123456789",
      OUTBOX_WORKER: "off",
      DATABASE_TX_ATTEMPTS: process.env.DATABASE_TX_ATTEMPTS ?? "20",
    });
    if ((await run(bin(root, "tsx") as string, ["--tsconfig", "tsconfig.scripts.json", "scripts/migrate.ts"], { env: process.env, cwd: root })) !== 0) throw new Error("migrations failed");
    for (let k = 0; k < cluster.nodes.length; k++) {
      const hosts = hostListEnv(cluster.nodes, k);
      pools.push(createPools({ ...env(), DATABASE_URL: hosts.DATABASE_URL, DATABASE_FAILOVER_URLS: hosts.DATABASE_FAILOVER_URLS.split(","), DATABASE_POOL_SIZE: CONCURRENCY }));
    }
    const dbs = pools.map((pl) => drizzle(pl.pool as Pool, { schema, mode: "default" }) as Db);
    await ensureSettings({ taxRateBp: 0 });
    const user = await createUser({ role: "staff" });
    const staff: Actor = { id: user.id, role: "staff", ip: "127.0.0.1" };
    const client = await createClient({ name: "Bench Payer" });
    const perInvoice = Math.ceil(PAYMENTS / INVOICES);
    const issueMany = async () => {
      const ids: number[] = [];
      for (let i = 0; i < INVOICES; i++) {
        const { id } = await createDraftInvoice(getDb(), { ...draft(client.id, [line("Bench", 1000, perInvoice * 100)], { issueDate: "2030-03-01", dueDate: "2030-03-15" }), actor: staff });
        await issueInvoice(getDb(), { invoiceId: id, actor: staff });
        ids.push(id);
      }
      return ids;
    };
    log(`${PAYMENTS} part payments over ${INVOICES} invoices from ${CONCURRENCY} concurrent callers, each run on fresh invoices.`);
    const one = await measure("one-node", () => dbs[0]!, await issueMany(), staff);
    const three = await measure("three-nodes", (w) => dbs[w % 3]!, await issueMany(), staff);
    console.log("\n| writes through | payments/s | p50 ms | p95 ms | failed after retries |\n|---|---|---|---|---|");
    for (const r of [one, three]) console.log(`| ${r.label === "one-node" ? "one node" : "three nodes"} | ${r.perSecond.toFixed(0)} | ${r.p50.toFixed(1)} | ${r.p95.toFixed(1)} | ${r.failed} |`);
    console.log("");
  } finally {
    await Promise.all(pools.map((pl) => pl.end()));
    await closeDb();
    await cluster.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
