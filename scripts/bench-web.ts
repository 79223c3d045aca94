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
// writes a plain table, with no session and no shell. The targets are ratios
// to it, and each run prints the app processes' CPU ms per request (from
// /proc, their own counters).
//
// A Node.js process renders on one core, so the bench runs one server.mjs
// per CPU (BENCH_APPS to change it), as DESIGN.md's "N app processes behind
// any load balancer"; autocannon spreads its connections over them.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import mysql from "mysql2/promise";
import { encode } from "next-auth/jwt";
import { spawn, type ChildProcess } from "node:child_process";
import { SESSION_COOKIE as COOKIE } from "@/lib/auth/session-token";
import { hashSessionId, newSessionId, SESSION_MAX_AGE_SECONDS } from "@/lib/auth/sessions";
import { BENCH_SECRET, FULL_SIZE, benchServer, ensureDataSet, root } from "./lib/bench-data";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const PORT = Number(process.env.BENCH_PORT ?? 3300);
const APPS = Math.max(1, Number(process.env.BENCH_APPS ?? cpus().length));
const BASES = Array.from({ length: APPS }, (_, i) => `http://127.0.0.1:${PORT + i}`);
const BASE = BASES[0]!;
const CONNECTIONS = [1, 16, 64];
const DIST = ".next-bench";
const next = path.join(root, "node_modules", ".bin", "next");

type Page = { name: string; path: string; marker: string };
type Row = { page: string; connections: number; rps: number; p50: number; p95: number; p99: number; requests: number; errors: number; cpuMs: number };

const iso = (d: Date) => d.toISOString().slice(0, 10);

async function pickPages(url: string): Promise<{ pages: Page[]; cookie: string }> {
  const conn = await mysql.createConnection(url);
  try {
    const [[staff]] = await conn.query<mysql.RowDataPacket[]>("SELECT id, email, name, session_version FROM users WHERE email = 'staff@example.com'");
    if (!staff) throw new Error("The demo staff user is missing from the bench database.");
    // A bulk invoice that has a payment: the invoice page then shows lines, payments and history.
    const [[invoice]] = await conn.query<mysql.RowDataPacket[]>("SELECT id FROM invoices WHERE status = 'partially_paid' ORDER BY id DESC LIMIT 1");
    // A real server-side session, as signing in would start.
    const sid = newSessionId();
    await conn.query(
      "INSERT INTO sessions (token_hash, user_id, session_version, ip, user_agent, created_at, last_seen_at, expires_at) VALUES (?, ?, ?, '127.0.0.1', 'bench-web', NOW(3), NOW(3), NOW(3) + INTERVAL ? SECOND)",
      [hashSessionId(sid), staff.id, staff.session_version, SESSION_MAX_AGE_SECONDS],
    );
    const token = await encode({
      secret: BENCH_SECRET,
      salt: COOKIE,
      token: { uid: Number(staff.id), role: "staff", sv: Number(staff.session_version), sid, email: staff.email, name: staff.name, sub: String(staff.id) },
    });
    const today = new Date();
    const from = iso(new Date(today.getTime() - 90 * 86_400_000));
    return {
      cookie: `${COOKIE}=${token}`,
      pages: [
        { name: "reference (bare page, same 25 rows)", path: `/bench/reference?status=paid&issuedFrom=${from}&issuedTo=${iso(today)}`, marker: "Reference" },
        { name: "dashboard", path: "/staff", marker: "Receivables aging" },
        { name: "invoice list (paid, issued in 90 days)", path: `/staff/invoices?status=paid&issuedFrom=${from}&issuedTo=${iso(today)}`, marker: "Invoices" },
        { name: "client search (q=mason)", path: "/staff/clients?q=mason", marker: "Mason" },
        { name: "one invoice", path: `/staff/invoices/${invoice!.id}`, marker: "Payments" },
      ],
    };
  } finally {
    await conn.end();
  }
}

/** One autocannon run; latencies come from every response, so p95 is exact. */
const TICKS_PER_SECOND = Number(spawnSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).stdout.trim()) || 100;

/** CPU time (user + system, ms) of every process in the app servers' process groups, from /proc. */
function appCpuMs(groups: number[]): number {
  let ticks = 0;
  for (const pid of readdirSync("/proc").filter((d) => /^\d+$/.test(d))) {
    let stat: string;
    try {
      stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    } catch {
      continue; // gone since the listing
    }
    // After "(comm) ": state, ppid, pgrp, ..., utime is the 12th field and stime the 13th.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    if (groups.includes(Number(fields[2]))) ticks += Number(fields[11]) + Number(fields[12]);
  }
  return (ticks * 1000) / TICKS_PER_SECOND;
}

async function drive(urls: string[], cookie: string, connections: number, seconds: number, groups: number[] = []): Promise<Omit<Row, "page" | "connections">> {
  const cpuBefore = appCpuMs(groups);
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
  };
}

async function waitUntilUp(url: string, alive: () => boolean): Promise<void> {
  for (const started = Date.now(); Date.now() - started < 60_000; await new Promise((r) => setTimeout(r, 250))) {
    if (!alive()) throw new Error("server.mjs exited before it was ready.");
    const ok = await fetch(url).then(
      (res) => res.status < 500,
      () => false,
    );
    if (ok) return;
  }
  throw new Error(`${url} did not answer within 60 s.`);
}

async function build(env: NodeJS.ProcessEnv): Promise<void> {
  if (process.argv.includes("--no-build") && existsSync(path.join(root, DIST, "BUILD_ID"))) return console.log(`Reusing the build in ${DIST}/.`);
  console.log(`Building the app into ${DIST}/ ...`);
  // tsconfig.json already includes .next-bench's types, so the build has nothing to add there.
  const child = spawn(next, ["build"], { env, cwd: root, stdio: "inherit" });
  await new Promise<void>((resolve, reject) => child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`next build exited with ${code}`)))));
}

async function main(): Promise<void> {
  const server = await benchServer();
  const apps: ChildProcess[] = [];
  try {
    const url = await ensureDataSet(server.url, FULL_SIZE);
    const env = {
      ...process.env,
      NODE_ENV: "production" as const,
      DATABASE_URL: url,
      AUTH_SECRET: BENCH_SECRET,
      AUTH_TRUST_HOST: "true",
      APP_URL: BASE,
      NEXT_DIST_DIR: DIST,
      NEXT_TELEMETRY_DISABLED: "1",
      // The outbox worker would poll in the background and skew the figures.
      OUTBOX_WORKER: "off",
      BENCH_REFERENCE: "on",
    };
    await build(env);
    // Its own process group, so stopping it stops the server it forks.
    for (const [i, base] of BASES.entries()) {
      const app = spawn(process.execPath, ["server.mjs", "--port", String(PORT + i)], { env, cwd: root, stdio: "ignore", detached: true });
      apps.push(app);
      await waitUntilUp(`${base}/login`, () => app.exitCode === null);
    }
    const { pages, cookie } = await pickPages(url);
    for (const page of pages) {
      const res = await fetch(`${BASE}${page.path}`, { headers: { cookie }, redirect: "manual" });
      const body = await res.text();
      if (res.status !== 200 || !body.includes(page.marker)) throw new Error(`${page.path} answered ${res.status} without "${page.marker}": is the session cookie accepted?`);
    }
    const startLoad = loadavg()[0]!;
    console.log(
      `\n${cpus().length} CPUs, ${APPS} app process${APPS === 1 ? "" : "es"} (ports ${PORT}–${PORT + APPS - 1}); load average ${startLoad.toFixed(2)} before the runs. ${SECONDS} s per run, after 3 s of warm-up per page.\n`,
    );
    const groups = apps.map((a) => a.pid!).filter(Boolean);
    console.log(
      `${"page".padEnd(40)}${"conns".padStart(6)}${"req/s".padStart(9)}${"p50".padStart(9)}${"p95".padStart(9)}${"p99".padStart(9)}${"CPU/req".padStart(10)}${"errors".padStart(8)}${"× ref req/s".padStart(13)}${"× ref p95".padStart(11)}`,
    );
    const rows: Row[] = [];
    const ref = (c: number) => rows.find((r) => r.page.startsWith("reference") && r.connections === c);
    for (const page of pages) {
      const urls = BASES.map((base) => `${base}${page.path}`);
      await drive(urls, cookie, 16, 3);
      for (const connections of CONNECTIONS) {
        const r = { page: page.name, connections, ...(await drive(urls, cookie, connections, SECONDS, groups)) };
        rows.push(r);
        const msText = (n: number) => `${Math.round(n)} ms`;
        const base = ref(connections)!;
        const ratios = r === base ? "" : `${(r.rps / base.rps).toFixed(2).padStart(13)}${(r.p95 / base.p95).toFixed(2).padStart(11)}`;
        console.log(
          `${r.page.padEnd(40)}${String(connections).padStart(6)}${r.rps.toFixed(1).padStart(9)}${msText(r.p50).padStart(9)}${msText(r.p95).padStart(9)}${msText(r.p99).padStart(9)}${`${r.cpuMs.toFixed(1)} ms`.padStart(10)}${String(r.errors).padStart(8)}${ratios}`,
        );
      }
    }
    console.log(`\nLoad average ${loadavg()[0]!.toFixed(2)} after the runs.`);
    const find = (prefix: string, c: number) => rows.find((r) => r.page.startsWith(prefix) && r.connections === c)!;
    const base = find("reference", 16);
    const rpsRatio = (prefix: string) => find(prefix, 16).rps / base.rps;
    const p95Ratio = (prefix: string) => find(prefix, 16).p95 / base.p95;
    const checks: [string, boolean, string][] = [
      ...(["invoice list", "one invoice"] as const).map((p): [string, boolean, string] => [`${p} ≥ 0.5× the reference's req/s at 16 connections`, rpsRatio(p) >= 0.5, `${rpsRatio(p).toFixed(2)}×`]),
      ...(["dashboard", "client search"] as const).map((p): [string, boolean, string] => [`${p} ≥ 0.35× the reference's req/s at 16 connections`, rpsRatio(p) >= 0.35, `${rpsRatio(p).toFixed(2)}×`]),
      ...(["dashboard", "invoice list", "client search", "one invoice"] as const).map((p): [string, boolean, string] => [
        `${p} p95 ≤ 3× the reference's at 16 connections`,
        p95Ratio(p) <= 3,
        `${p95Ratio(p).toFixed(2)}×`,
      ]),
    ];
    console.log(`\nTargets (100k clients, 1M invoices; the reference served ${base.rps.toFixed(0)} req/s, p95 ${Math.round(base.p95)} ms)`);
    for (const [what, ok, value] of checks) console.log(`  ${ok ? "met   " : "MISSED"} ${what}: ${value}`);
  } finally {
    for (const app of apps) {
      if (!app.pid || app.exitCode !== null) continue;
      process.kill(-app.pid, "SIGTERM");
      await new Promise((resolve) => app.once("exit", resolve));
    }
    await server.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
