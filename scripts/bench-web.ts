// `npm run bench:web`: a production build (server.mjs) against 100k clients
// and 1M invoices, driven with autocannon at 1, 16 and 64 connections while
// signed in as staff. Prints p50, p95, p99 latency and requests per second for
// the dashboard, the invoice list (status and date filter), the client search
// and one invoice page, then checks them against the targets.
//
// The data set is seeded once on the private bench server and reused (see
// scripts/lib/bench-data.ts). `-- --no-build` reuses the last build in
// .next-bench; BENCH_SECONDS sets each run's length (default 10), BENCH_PORT
// the first app's port (default 3300).
//
// Absolute figures move with the machine, so each page is also measured
// against a reference served by the same build on the same processes in the
// same run: /bench/reference (app/bench/reference, only with
// BENCH_REFERENCE=on) reads the invoice list's 25 rows by the same index and
// writes a plain table, with no session and no shell. It is driven first and
// again last at every connection count, and at 16 connections (the targets'
// level) also between pages, so each page's 16-connection ratio is to the
// reference runs just before and after it: the reference's req/s moved by up
// to a half between the first and last runs here (128 and 215), with the
// machine's other tenants, and a ratio to runs minutes away took that drift
// with it. The 1- and 64-connection ratios are to the mean of the first and
// last. Each run prints the app processes' CPU ms per request (from
// /proc, their own counters), the steadier figure of the two, and the private
// database server's ("DB CPU"): on 2 cores the two share the machine, so a
// page whose SQL is heavy loses req/s that its app CPU doesn't show.
//
// A Node.js process renders on one core, so the bench runs one server.mjs
// per CPU (BENCH_APPS to change it), as DESIGN.md's "N app processes behind
// any load balancer"; autocannon spreads its connections over them.
import type { ChildProcess } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import autocannon from "autocannon";
import { appCpuMs, benchEnv, build, checkPages, pickPages, queriesPerView, startApps, statFields, stopApps, TICKS_PER_SECOND, type Page } from "./lib/bench-app";
import { FULL_SIZE, benchServer, ensureDataSet } from "./lib/bench-data";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const PORT = Number(process.env.BENCH_PORT ?? 3300);
const APPS = Math.max(1, Number(process.env.BENCH_APPS ?? cpus().length));
const BASES = Array.from({ length: APPS }, (_, i) => `http://127.0.0.1:${PORT + i}`);
const BASE = BASES[0]!;
const CONNECTIONS = [1, 16, 64];

const ms = (n: number) => `${Math.round(n)} ms`;

type Row = { page: string; connections: number; rps: number; p50: number; p95: number; p99: number; requests: number; errors: number; cpuMs: number; dbCpuMs: number };

/** CPU time (ms) of the private bench database server (its pid); NaN without one (BENCH_DATABASE_URL). */
function dbCpuMs(dbPid: string | undefined): number {
  const fields = dbPid ? statFields(dbPid) : undefined;
  return fields ? ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND : NaN;
}

/** One autocannon run; latencies come from every response, so p95 is exact. */
async function drive(urls: string[], cookie: string, connections: number, seconds: number, groups: number[] = [], dbPid?: string): Promise<Omit<Row, "page" | "connections">> {
  const cpuBefore = appCpuMs(groups);
  const dbCpuBefore = dbCpuMs(dbPid);
  const latencies: number[] = [];
  // Connection i goes to urls[i % n]: autocannon accepts several URLs, though its types say one.
  const url = urls as unknown as string;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon({ url, connections, duration: seconds, headers: { cookie }, timeout: 30 }, (error, res) => (error ? reject(error) : resolve(res)));
    instance.on("response", (_client, status, _bytes, time) => {
      if (status === 200) latencies.push(time);
    });
  });
  const cpuMs = appCpuMs(groups) - cpuBefore;
  const dbMs = dbCpuMs(dbPid) - dbCpuBefore;
  latencies.sort((a, b) => a - b);
  const at = (p: number) => latencies[Math.min(latencies.length - 1, Math.ceil(latencies.length * p) - 1)] ?? NaN;
  return {
    rps: latencies.length / seconds,
    p50: at(0.5),
    p95: at(0.95),
    p99: at(0.99),
    requests: latencies.length,
    errors: result.errors + result.timeouts + result.non2xx,
    cpuMs: latencies.length ? cpuMs / latencies.length : NaN,
    dbCpuMs: latencies.length ? dbMs / latencies.length : NaN,
  };
}

async function main(): Promise<void> {
  const server = await benchServer();
  const dbPid = server.pidFile && existsSync(server.pidFile) ? readFileSync(server.pidFile, "utf8").trim() : undefined;
  const apps: ChildProcess[] = [];
  try {
    const url = await ensureDataSet(server.url, FULL_SIZE);
    const env = benchEnv(url, BASE);
    await build(env);
    await startApps(
      BASES.map((_, i) => PORT + i),
      env,
      apps,
    );
    const { pages, cookie } = await pickPages(url);
    await checkPages(BASE, pages, cookie);
    const queries = await queriesPerView(url, BASE, pages, cookie);
    console.log(`\nSQL statements per view (MariaDB's Questions counter around 10 views of each page):`);
    for (const [name, n] of queries) console.log(`  ${name.padEnd(40)}${n.toFixed(1).padStart(6)}`);
    const startLoad = loadavg()[0]!;
    console.log(
      `\n${cpus().length} CPUs, ${APPS} app process${APPS === 1 ? "" : "es"} (ports ${PORT}–${PORT + APPS - 1}); load average ${startLoad.toFixed(2)} before the runs. ${SECONDS} s per run, after 3 s of warm-up per page.\n`,
    );
    const groups = apps.map((a) => a.pid!).filter(Boolean);
    console.log(
      `${"page".padEnd(40)}${"conns".padStart(6)}${"req/s".padStart(9)}${"p50".padStart(9)}${"p95".padStart(9)}${"p99".padStart(9)}${"CPU/req".padStart(10)}${"DB CPU".padStart(9)}${"errors".padStart(8)}`,
    );
    const rows: Row[] = [];
    const line = (r: Row) =>
      console.log(
        `${r.page.padEnd(40)}${String(r.connections).padStart(6)}${r.rps.toFixed(1).padStart(9)}${ms(r.p50).padStart(9)}${ms(r.p95).padStart(9)}${ms(r.p99).padStart(9)}${`${r.cpuMs.toFixed(1)} ms`.padStart(10)}${`${r.dbCpuMs.toFixed(1)} ms`.padStart(9)}${String(r.errors).padStart(8)}`,
      );
    const run = async (page: Page, levels = CONNECTIONS, name = page.name) => {
      const urls = BASES.map((base) => `${base}${page.path}`);
      await drive(urls, cookie, 16, 3);
      for (const connections of levels) {
        const r = { page: name, connections, ...(await drive(urls, cookie, connections, SECONDS, groups, dbPid)) };
        rows.push(r);
        line(r);
      }
    };
    // The reference first and again last at every level, and at 16
    // connections between pages too: a machine whose speed drifts during the
    // runs (another tenant, thermal limits) moves a page and the reference
    // runs beside it alike.
    const [reference, ...others] = pages;
    await run(reference!);
    for (const [i, page] of others.entries()) {
      await run(page);
      if (i < others.length - 1) await run(reference!, [16], `${reference!.name}, between`);
    }
    await run(reference!, CONNECTIONS, `${reference!.name}, again`);
    console.log(`\nLoad average ${loadavg()[0]!.toFixed(2)} after the runs.`);

    const find = (prefix: string, c: number) => rows.find((r) => r.page.startsWith(prefix) && r.connections === c)!;
    const isReference = (r: Row) => r.page.startsWith("reference");
    const mean = (runs: Row[], key: "rps" | "p95") => runs.reduce((n, r) => n + r[key], 0) / runs.length;
    const refFirstLast = (c: number) => rows.filter((r) => isReference(r) && r.connections === c && !r.page.endsWith("between"));
    /** The reference runs a ratio is taken to: at 16 connections the ones just before and after the page's, else the first and last. */
    const refsFor = (page: Row): Row[] => {
      if (page.connections !== 16) return refFirstLast(page.connections);
      const at16 = rows.filter((r) => r.connections === 16);
      const i = at16.indexOf(page);
      return [at16.slice(0, i).reverse().find(isReference)!, at16.slice(i + 1).find(isReference)!];
    };
    const ratio = (page: Row, key: "rps" | "p95") => page[key] / mean(refsFor(page), key);
    console.log(
      `\nRatios to the reference (at 16 connections to its runs just before and after the page's; at 1 and 64 to its first and last)\n${"page".padEnd(40)}${"conns".padStart(6)}${"× ref req/s".padStart(13)}${"× ref p95".padStart(11)}`,
    );
    for (const r of rows.filter((r) => !isReference(r))) {
      // At 16 connections, also the ratio the way earlier benches took it (to the first and last runs), to compare.
      const firstLast = r.connections === 16 ? `   (to the first and last: ${(r.rps / mean(refFirstLast(16), "rps")).toFixed(2)})` : "";
      console.log(`${r.page.padEnd(40)}${String(r.connections).padStart(6)}${ratio(r, "rps").toFixed(2).padStart(13)}${ratio(r, "p95").toFixed(2).padStart(11)}${firstLast}`);
    }
    const refs16 = rows.filter((r) => isReference(r) && r.connections === 16);
    console.log(`The reference served ${refs16.map((r) => r.rps.toFixed(0)).join(", ")} req/s at 16 connections, in the order run.`);
    const base = { rps: mean(refs16, "rps"), p95: mean(refs16, "p95") };
    const rpsRatio = (prefix: string) => ratio(find(prefix, 16), "rps");
    const p95Ratio = (prefix: string) => ratio(find(prefix, 16), "p95");
    const checks: [string, boolean, string][] = [
      ...(["invoice list", "one invoice"] as const).map((p): [string, boolean, string] => [`${p} ≥ 0.5× the reference's req/s at 16 connections`, rpsRatio(p) >= 0.5, `${rpsRatio(p).toFixed(2)}×`]),
      ...(["dashboard", "client search"] as const).map((p): [string, boolean, string] => [`${p} ≥ 0.35× the reference's req/s at 16 connections`, rpsRatio(p) >= 0.35, `${rpsRatio(p).toFixed(2)}×`]),
      ...(["dashboard", "invoice list", "client search", "one invoice"] as const).map((p): [string, boolean, string] => [
        `${p} p95 ≤ 3× the reference's at 16 connections`,
        p95Ratio(p) <= 3,
        `${p95Ratio(p).toFixed(2)}×`,
      ]),
    ];
    console.log(`\nTargets (100k clients, 1M invoices; the reference's mean over its 16-connection runs: ${base.rps.toFixed(0)} req/s, p95 ${Math.round(base.p95)} ms)`);
    for (const [what, ok, value] of checks) console.log(`  ${ok ? "met   " : "MISSED"} ${what}: ${value}`);
  } finally {
    await stopApps(apps);
    await server.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
