// `npm run test:cluster`: ClientDesk's invariants on a 3-node Galera cluster.
// Starts a fresh cluster in .data/cluster-test/ (scripts/lib/cluster.mjs),
// applies the migrations once, builds the app (skipped with --no-build when
// .next-cluster holds a build), then runs two app servers (node 1 first,
// node 2 first), two outbox workers (node 1 first, node 3 first) sending to a
// local Resend stub, and checks from this process with a handle on each node:
//   - every table has a primary key (Galera needs one to replicate rows);
//   - 30 concurrent part payments on one invoice, as signed Stripe webhooks
//     through both app servers: amount_paid = sum of succeeded, never past the total;
//   - 50 concurrent issues over the three nodes: gapless, unique numbers;
//   - 500 outbox messages queued over the nodes, two workers: each delivered once;
//   - 50 reminder runs and 50 billing runs at once: no duplicates;
//   - kill -9 of node 2 during a stream of payments through both apps: the apps
//     keep answering, nothing committed is lost, the node rejoins and catches up;
//   - the rollups equal a recount, on every node.
// Prints each check, the time taken, and "N passed, N failed"; exits 1 on a failure.
import { createHmac, randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import path from "node:path";
import { and, count, eq, like, sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/mysql2";
import type { Pool, RowDataPacket } from "mysql2/promise";
import mysql from "mysql2/promise";
import type { Db } from "@/db";
import { closeDb, getDb } from "@/db";
import { createPools, type Pools } from "@/db/connect";
import * as schema from "@/db/schema";
import { invoices, outbox, payments, subscriptions, services } from "@/db/schema";
import { SYSTEM_ACTOR } from "@/lib/audit";
import type { Actor } from "@/lib/actor";
import { runBilling } from "@/lib/billing/run";
import { env } from "@/lib/env";
import { createDraftInvoice } from "@/lib/invoices/drafts";
import { issueInvoice } from "@/lib/invoices/issue";
import { enqueue } from "@/lib/notify/enqueue";
import { recordPayment } from "@/lib/payments";
import { sendReminders } from "@/lib/reminders/send-reminders";
import { findRollupDrift } from "@/lib/rollups/rebuild";
import { inTransaction } from "@/lib/transaction";
import { createUser } from "@/tests/support/factories";
import { createClient, draft, ensureSettings, line } from "@/tests/support/invoices";
import { startResendStub, type ResendStub } from "@/tests/support/stubs/resend-stub";
import { ensureGaleraPackages, hostListEnv, startCluster as startClusterUntyped } from "./lib/cluster.mjs";
import { bin, run as runUntyped, startChild as startChildUntyped, waitForHttp } from "./lib/process.mjs";
import { log } from "./lib/system.mjs";

type Child = { stop(): Promise<void>; exited: boolean; child: { on(e: "exit", fn: (code: number | null) => void): void } };
type ClusterNode = {
  name: string;
  url: string;
  port: number;
  kill9(): void;
  waitExit(ms?: number): Promise<void>;
  start(o?: { bootstrap?: boolean }): Promise<void>;
  waitSynced(o?: { size?: number }): Promise<unknown>;
  status(): Record<string, string> | null;
};
type Cluster = { nodes: ClusterNode[]; stop(): Promise<void> };

type Spawn = { env: NodeJS.ProcessEnv | Record<string, string | undefined>; cwd: string; quiet?: boolean };
const run = runUntyped as (cmd: string, args: string[], o: Spawn) => Promise<number>;
const startChild = startChildUntyped as (cmd: string, args: string[], o: Spawn) => Child;
const startCluster = startClusterUntyped as unknown as (root: string, o: { dir: string; base: number; fresh: boolean; database: string }) => Promise<Cluster>;
const root = path.resolve(__dirname, "..");
const args = new Set(process.argv.slice(2));
const base = Number(process.env.CLUSTER_PORT_BASE ?? 3470);
const appBase = Number(process.env.CLUSTER_APP_PORT ?? 3181);
const appUrls = [`http://127.0.0.1:${appBase}`, `http://127.0.0.1:${appBase + 1}`];
const WEBHOOK_SECRET = `whsec_${randomBytes(16).toString("hex")}`;
const started = Date.now();

const results: { name: string; ok: boolean; seconds: number; error?: string }[] = [];
function assert(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}
function equal<T>(actual: T, expected: T, what: string) {
  assert(JSON.stringify(actual) === JSON.stringify(expected), `${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
}
async function check(name: string, fn: () => Promise<void>) {
  const t = Date.now();
  try {
    await fn();
    results.push({ name, ok: true, seconds: (Date.now() - t) / 1000 });
    log(`ok   ${name} (${((Date.now() - t) / 1000).toFixed(1)} s)`);
  } catch (error) {
    let message = error instanceof Error ? error.message : String(error);
    for (let e = (error as { cause?: unknown })?.cause, depth = 0; e && depth < 3; e = (e as { cause?: unknown }).cause, depth++) {
      message += ` <- ${(e as { errno?: number }).errno ?? ""} ${(e as Error).message ?? String(e)}`;
    }
    results.push({ name, ok: false, seconds: (Date.now() - t) / 1000, error: message });
    log(`FAIL ${name}: ${message}`);
  }
}
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
async function waitFor(what: string, fn: () => Promise<boolean>, timeoutMs = 120_000) {
  const t = Date.now();
  while (!(await fn())) {
    if (Date.now() - t > timeoutMs) throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}`);
    await sleep(200);
  }
}

/** A signed payment_intent.succeeded event for one pending card payment, as Stripe sends it. */
function intentSucceeded(paymentId: number, amountMinor: number) {
  const now = Math.floor(Date.now() / 1000);
  const intentId = `pi_cluster_${paymentId}`;
  const raw = JSON.stringify({
    id: `evt_cluster_${paymentId}`,
    object: "event",
    type: "payment_intent.succeeded",
    created: now,
    livemode: false,
    data: { object: { id: intentId, object: "payment_intent", amount: amountMinor, amount_received: amountMinor, currency: "usd", status: "succeeded", metadata: { paymentId: String(paymentId) } } },
  });
  const v1 = createHmac("sha256", WEBHOOK_SECRET).update(`${now}.${raw}`, "utf8").digest("hex");
  return { raw, signature: `t=${now},v1=${v1}` };
}

/** Delivers one webhook to an app; like Stripe, tries again on anything but 200 (a 500 keeps the event for a retry). */
async function deliver(appUrl: string, paymentId: number, amountMinor: number, log: { url: string; status: number; at: number }[]): Promise<string> {
  for (let attempt = 1; attempt <= 40; attempt++) {
    const { raw, signature } = intentSucceeded(paymentId, amountMinor);
    let status = 0;
    let body: { outcome?: string; duplicate?: boolean } = {};
    try {
      const res = await fetch(`${appUrl}/api/webhooks/stripe`, {
        method: "POST",
        headers: { "content-type": "application/json", "stripe-signature": signature },
        body: raw,
        signal: AbortSignal.timeout(30_000),
      });
      status = res.status;
      body = (await res.json()) as typeof body;
    } catch {
      status = 0;
    }
    log.push({ url: appUrl, status, at: Date.now() });
    if (status === 200) return body.outcome ?? (body.duplicate ? "duplicate" : "?");
    await sleep(250);
  }
  throw new Error(`payment ${paymentId}: no 200 from ${appUrl} after 40 deliveries`);
}

function nodeDb(pools: Pools): Db {
  return drizzle(pools.pool as Pool, { schema, mode: "default" });
}

async function main() {
  ensureGaleraPackages();
  const cluster: Cluster = await startCluster(root, { dir: "cluster-test", base, fresh: true, database: "clientdesk_cluster" });
  const { nodes } = cluster;
  const children: Child[] = [];
  let stub: ResendStub | null = null;
  const nodePools: Pools[] = [];
  try {
    Object.assign(process.env, hostListEnv(nodes, 0), {
      AUTH_SECRET: "cluster-secret-cluster-secret-cluster-secret-0123",
      APP_URL: appUrls[0],
      OUTBOX_WORKER: "off",
      STRIPE_SECRET_KEY: "sk_test_cluster",
      STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET,
      TEST_CLOCK_FILE: "",
      // Three nodes that all write one counter row conflict at commit: more reruns (docs/scale.md).
      DATABASE_TX_ATTEMPTS: process.env.DATABASE_TX_ATTEMPTS ?? "20",
    });
    const tsx: [string, ...string[]] = [bin(root, "tsx") as string, "--tsconfig", "tsconfig.scripts.json"];
    log("Applying migrations once, on node 1...");
    if ((await run(tsx[0], [...tsx.slice(1), "scripts/migrate.ts"], { env: process.env, cwd: root })) !== 0) throw new Error("migrations failed");
    const buildEnv = { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", NEXT_DIST_DIR: ".next-cluster" };
    if (!args.has("--no-build") || !existsSync(path.join(root, ".next-cluster", "BUILD_ID"))) {
      log("Building the app into .next-cluster...");
      if ((await run(bin(root, "next"), ["build"], { env: buildEnv, cwd: root })) !== 0) throw new Error("next build failed");
    }
    stub = await startResendStub();
    const mail = { RESEND_API_KEY: "re_cluster_test", RESEND_BASE_URL: stub.url, OUTBOX_POLL_MS: "200" };
    appUrls.forEach((url, k) => {
      const env = { ...buildEnv, ...hostListEnv(nodes, k), APP_URL: url, OUTBOX_WORKER: "off", ...mail };
      children.push(startChild(process.execPath, ["server.mjs", "--port", url.split(":")[2]!], { env, cwd: root, quiet: true }));
    });
    for (const first of [0, 2]) {
      children.push(startChild(tsx[0], [...tsx.slice(1), "scripts/worker.ts"], { env: { ...buildEnv, ...hostListEnv(nodes, first), ...mail }, cwd: root, quiet: true }));
    }
    for (const [k, url] of appUrls.entries()) await (waitForHttp as (u: string, o: { isAlive: () => boolean }) => Promise<void>)(`${url}/login`, { isAlive: () => !children[k]!.exited });
    for (let k = 0; k < nodes.length; k++) nodePools.push(createPools({ ...env(), ...hostListEnv(nodes, k), DATABASE_FAILOVER_URLS: hostListEnv(nodes, k).DATABASE_FAILOVER_URLS.split(",") }));
    const dbs = nodePools.map(nodeDb);
    const onNode = (i: number) => dbs[i % dbs.length]!;
    log(`Apps on ${appUrls.join(" and ")}; workers on node 1 and node 3; checks start.`);

    await ensureSettings();
    const user = await createUser({ role: "staff" });
    const staff: Actor = { id: user.id, role: "staff", ip: "127.0.0.1" };

    await check("every table has a primary key", async () => {
      const [rows] = await nodePools[0]!.pool.query<RowDataPacket[]>(
        `SELECT t.table_name AS t FROM information_schema.tables t
         LEFT JOIN information_schema.table_constraints c ON c.table_schema = t.table_schema AND c.table_name = t.table_name AND c.constraint_type = 'PRIMARY KEY'
         WHERE t.table_schema = DATABASE() AND t.table_type = 'BASE TABLE' AND c.constraint_name IS NULL`,
      );
      equal(
        rows.map((r) => r.t),
        [],
        "tables without a primary key",
      );
    });

    const pendingCardPayments = async (invoiceId: number, n: number, amountMinor: number, tag: string) =>
      Promise.all(
        Array.from({ length: n }, (_, i) =>
          recordPayment(onNode(i), { invoiceId, amountMinor, method: "card", status: "pending", idempotencyKey: `cluster:${tag}:${i}`, actor: staff, provider: "stripe" }).then((p) => p.paymentId),
        ),
      );
    const invoiceFacts = async (db: Db, invoiceId: number) => {
      const [inv] = await db.select().from(invoices).where(eq(invoices.id, invoiceId));
      const [paid] = await db
        .select({ sum: sql<string | null>`sum(${payments.amountMinor})`, n: count() })
        .from(payments)
        .where(and(eq(payments.invoiceId, invoiceId), eq(payments.status, "succeeded")));
      return { total: inv!.totalMinor, amountPaid: inv!.amountPaidMinor, status: inv!.status, succeededSum: Number(paid?.sum ?? 0), succeeded: paid?.n ?? 0 };
    };

    await check("30 concurrent part payments through both apps: amount_paid = succeeded, never past the total", async () => {
      const client = await createClient({ name: "Cluster Payer" });
      // Total 100.00 (10% tax on 90.91 rounds to 100.00 is fragile: no tax here), paid in 30 parts of 5.00: 20 fit.
      await ensureSettings({ taxRateBp: 0 });
      const { id } = await createDraftInvoice(getDb(), {
        ...draft(client.id, [line("Cluster work", 1000, 10_000)], { issueDate: "2030-01-10", dueDate: "2030-01-24", currency: "USD" }),
        actor: staff,
      });
      await issueInvoice(getDb(), { invoiceId: id, actor: staff });
      const ids = await pendingCardPayments(id, 30, 500, "pay30");
      const deliveries: { url: string; status: number; at: number }[] = [];
      const outcomes = await Promise.all(ids.map((pid, i) => deliver(appUrls[i % 2]!, pid, 500, deliveries)));
      equal(outcomes.filter((o) => o === "recorded").length, 20, "payments recorded");
      equal(outcomes.filter((o) => o === "refund_due").length, 10, "payments refused (refund due)");
      for (const url of appUrls)
        assert(
          deliveries.some((d) => d.url === url && d.status === 200),
          `${url} answered no webhook`,
        );
      for (let k = 0; k < nodes.length; k++) {
        const facts = await invoiceFacts(dbs[k]!, id);
        equal(facts, { total: 10_000, amountPaid: 10_000, status: "paid", succeededSum: 10_000, succeeded: 20 }, `invoice on ${nodes[k]!.name}`);
      }
    });

    await check("50 concurrent issues over three nodes: gapless, unique numbers", async () => {
      const client = await createClient({ name: "Cluster Numbering" });
      const drafts = await Promise.all(
        Array.from({ length: 50 }, () => createDraftInvoice(getDb(), { ...draft(client.id, undefined, { issueDate: "2031-05-01", dueDate: "2031-05-15" }), actor: staff })),
      );
      const issued = await Promise.all(drafts.map((d, i) => issueInvoice(onNode(i), { invoiceId: d.id, actor: staff })));
      const numbers = issued.map((r) => r.number).sort();
      equal(
        numbers,
        Array.from({ length: 50 }, (_, i) => `INV-2031-${String(i + 1).padStart(4, "0")}`),
        "invoice numbers",
      );
      // Galera's auto-increment control spreads ids over the nodes: numbers never came from ids.
      const ids = drafts.map((d) => d.id).sort((a, b) => a - b);
      log(`     (invoice ids ${ids[0]}..${ids.at(-1)}: ${new Set(ids.map((v) => v % 3)).size > 1 ? "interleaved across nodes" : "one node's step"})`);
    });

    await check("500 outbox messages, 2 workers on different nodes: each delivered once at the provider", async () => {
      const keys = Array.from({ length: 500 }, (_, i) => `cluster:mail:${i}`);
      for (let start = 0; start < keys.length; start += 50) {
        await Promise.all(
          keys
            .slice(start, start + 50)
            .map((key, i) =>
              inTransaction(onNode(i), (tx) => enqueue(tx, { channel: "email", to: "ada@example.com", template: "otp_code", data: { code: "123456", minutes: 10 }, idempotencyKey: key })),
            ),
        );
      }
      await waitFor("500 messages sent", async () => {
        const [row] = await getDb()
          .select({ n: count() })
          .from(outbox)
          .where(and(like(outbox.idempotencyKey, "cluster:mail:%"), eq(outbox.status, "sent")));
        return row!.n === 500;
      });
      const wanted = new Set(keys);
      // The worker sends "<outbox id>:<key>" as the provider's idempotency key.
      const ours = stub!.requests.filter((r) => r.idempotencyKey && wanted.has(r.idempotencyKey.replace(/^\d+:/, "")));
      const perKey = new Map<string, number>();
      for (const r of ours) perKey.set(r.idempotencyKey!, (perKey.get(r.idempotencyKey!) ?? 0) + 1);
      equal(perKey.size, 500, "distinct messages at the provider");
      equal(ours.length, 500, "requests at the provider (a replay or a second send would add one)");
      const [workers] = await nodePools[0]!.pool.query<RowDataPacket[]>(
        "SELECT COUNT(DISTINCT worker_id) AS n FROM outbox_attempts a JOIN outbox o ON o.id = a.outbox_id WHERE o.idempotency_key LIKE 'cluster:mail:%'",
      );
      assert(Number(workers[0]!.n) >= 2, `only ${workers[0]!.n} worker(s) sent; expected both`);
    });

    await check("50 reminder runs and 50 billing runs at once over three nodes: no duplicates", async () => {
      const clientIds = await Promise.all(Array.from({ length: 10 }, (_, i) => createClient({ name: `Cluster Reminded ${i}` }).then((c) => c.id)));
      const due = await Promise.all(
        clientIds.map(async (cid) => {
          const { id } = await createDraftInvoice(getDb(), { ...draft(cid, undefined, { issueDate: "2032-01-05", dueDate: "2032-01-19" }), actor: staff });
          await issueInvoice(getDb(), { invoiceId: id, actor: staff });
          return id;
        }),
      );
      const subClient = await createClient({ name: "Cluster Subscriber" });
      const subs: number[] = [];
      for (let i = 0; i < 8; i++) {
        const [service] = await getDb()
          .insert(services)
          .values({ name: `Cluster plan ${i}`, priceMinor: 10_00 + i, currency: "USD", interval: "monthly" })
          .$returningId();
        const [sub] = await getDb()
          .insert(subscriptions)
          .values({
            clientId: subClient.id,
            serviceId: service!.id,
            priceMinor: 10_00 + i,
            currency: "USD",
            interval: "monthly",
            status: "active",
            paymentMethod: "card",
            startedAt: new Date("2033-04-01T10:00:00Z"),
            currentPeriodStart: "2033-04-01",
            currentPeriodEnd: "2033-04-30",
          })
          .$returningId();
        subs.push(sub!.id);
      }
      const reminderDay = new Date("2032-02-10T12:00:00Z");
      const runs = await Promise.all(
        Array.from({ length: 100 }, (_, i) =>
          i % 2 === 0
            ? sendReminders(onNode(i), { invoiceIds: due }, staff, reminderDay).then((r) => ({ kind: "reminders", n: r.queued }))
            : runBilling(onNode(i), { actor: SYSTEM_ACTOR, today: "2033-04-03" }).then((r) => ({ kind: "billing", n: r.created })),
        ),
      );
      for (const id of due) {
        const rows = await getDb()
          .select({ id: outbox.id })
          .from(outbox)
          .where(eq(outbox.idempotencyKey, `reminder:${id}:2032-02-10:email`));
        equal(rows.length, 1, `reminders for invoice ${id}`);
      }
      equal(
        runs.filter((r) => r.kind === "reminders").reduce((n, r) => n + r.n, 0),
        10,
        "reminders the runs say they queued",
      );
      for (const sub of subs) {
        const rows = await getDb()
          .select({ id: invoices.id })
          .from(invoices)
          .where(and(eq(invoices.subscriptionId, sub), eq(invoices.periodStart, "2033-04-01")));
        equal(rows.length, 1, `invoices for subscription ${sub}`);
      }
      equal(
        runs.filter((r) => r.kind === "billing").reduce((n, r) => n + r.n, 0),
        8,
        "invoices the billing runs say they created",
      );
    });

    await check("kill -9 of node 2 mid-run: apps keep serving, nothing committed is lost, the node rejoins and catches up", async () => {
      const client = await createClient({ name: "Cluster Survivor" });
      const { id } = await createDraftInvoice(getDb(), { ...draft(client.id, [line("Survival", 1000, 1_000_000)], { issueDate: "2030-02-01", dueDate: "2030-02-15" }), actor: staff });
      await issueInvoice(getDb(), { invoiceId: id, actor: staff });
      const ids = await pendingCardPayments(id, 40, 1_000, "kill");
      const deliveries: { url: string; status: number; at: number }[] = [];
      let next = 0;
      let killedAt = 0;
      const killer = (async () => {
        await waitFor("10 payments recorded", async () => deliveries.filter((d) => d.status === 200).length >= 10, 60_000);
        killedAt = Date.now();
        log(`     kill -9 ${nodes[1]!.name} (app 2's first host) with ${deliveries.filter((d) => d.status === 200).length} of 40 payments in`);
        nodes[1]!.kill9();
        await nodes[1]!.waitExit();
      })();
      // Four senders, alternating between the apps, a little spaced so the kill lands mid-run.
      const sender = async () => {
        const outcomes: string[] = [];
        for (let i = next++; i < ids.length; i = next++) {
          outcomes.push(await deliver(appUrls[i % 2]!, ids[i]!, 1_000, deliveries));
          await sleep(100);
        }
        return outcomes;
      };
      const outcomes = (await Promise.all([sender(), sender(), sender(), sender()])).flat();
      await killer;
      equal(outcomes.filter((o) => o === "recorded").length, 40, "payments recorded");
      const after = deliveries.filter((d) => d.at > killedAt && d.status === 200);
      for (const url of appUrls)
        assert(
          after.some((d) => d.url === url),
          `${url} answered nothing after the kill`,
        );
      const failed = deliveries.filter((d) => d.status !== 200).length;
      log(`     ${deliveries.length} deliveries, ${failed} answered non-200 and were retried, as Stripe does`);
      const live = await invoiceFacts(dbs[0]!, id);
      equal(live, { total: 1_000_000, amountPaid: 40_000, status: "partially_paid", succeededSum: 40_000, succeeded: 40 }, "invoice on node1 while node2 is down");
      const t = Date.now();
      await nodes[1]!.start();
      await nodes[0]!.waitSynced({ size: 3 });
      log(`     ${nodes[1]!.name} rejoined and is Synced in ${((Date.now() - t) / 1000).toFixed(1)} s`);
      // Straight to node 2, no failover: its own copy must hold everything committed while it was dead.
      const direct = await mysql.createConnection({ uri: nodes[1]!.url, timezone: "Z" });
      try {
        const q = async (text: string, params: unknown[] = [id]) => Number(((await direct.query<RowDataPacket[]>(text, params))[0][0] as RowDataPacket).n);
        equal(await q("SELECT amount_paid_minor AS n FROM invoices WHERE id = ?"), 40_000, "amount_paid on the rejoined node");
        equal(await q("SELECT COUNT(*) AS n FROM payments WHERE invoice_id = ? AND status = 'succeeded'"), 40, "succeeded payments on the rejoined node");
        const [receipts] = await getDb().select({ n: count() }).from(outbox).where(like(outbox.idempotencyKey, "receipt:%"));
        const onNode2 = await q("SELECT COUNT(*) AS n FROM outbox WHERE idempotency_key LIKE 'receipt:%'", []);
        equal(onNode2, receipts!.n, "receipts in the rejoined node's outbox");
      } finally {
        await direct.end();
      }
      await waitFor("every receipt sent", async () => {
        const [row] = await getDb()
          .select({ n: count() })
          .from(outbox)
          .where(and(like(outbox.idempotencyKey, "receipt:%"), sql`${outbox.status} NOT IN ('sent', 'captured')`));
        return row!.n === 0;
      });
      const perKey = new Map<string, number>();
      for (const r of stub!.requests) if (r.idempotencyKey) perKey.set(r.idempotencyKey, (perKey.get(r.idempotencyKey) ?? 0) + 1);
      const twice = [...perKey].filter(([, n]) => n > 1);
      equal(twice, [], "messages the provider received more than once");
    });

    await check("the rollups equal a recount, on every node", async () => {
      for (let k = 0; k < nodes.length; k++) {
        // The checks above add their clients with the test helper, which inserts rows as a fixture and
        // doesn't count them in rollup_client_days the way the client actions do; every other rollup is checked.
        const drift = (await findRollupDrift(dbs[k]!)).filter((p) => !p.startsWith("rollup_client_days"));
        equal(drift, [], `rollup drift on ${nodes[k]!.name}`);
      }
    });
  } finally {
    await Promise.all(children.map((c) => c.stop()));
    await stub?.close();
    await Promise.all(nodePools.map((p) => p.end()));
    await closeDb();
    await cluster.stop();
  }
}

main()
  .catch((error: unknown) => {
    results.push({ name: "cluster setup", ok: false, seconds: 0, error: error instanceof Error ? error.message : String(error) });
    console.error(error);
  })
  .finally(() => {
    const passed = results.filter((r) => r.ok).length;
    const failed = results.length - passed;
    for (const r of results) log(`${r.ok ? "ok  " : "FAIL"} ${r.name} (${r.seconds.toFixed(1)} s)${r.error ? `: ${r.error}` : ""}`);
    log(`test:cluster took ${((Date.now() - started) / 1000).toFixed(0)} s`);
    console.log(`${passed} passed, ${failed} failed`);
    process.exit(failed > 0 || passed === 0 ? 1 : 0);
  });
