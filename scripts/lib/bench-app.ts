// What bench:web and bench:profile share: the production build in
// .next-bench, the app processes serving it against the bench data set, and
// the pages they measure, signed in as the demo staff user.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import mysql from "mysql2/promise";
import { encode } from "next-auth/jwt";
import { SESSION_COOKIE as COOKIE } from "@/lib/auth/session-token";
import { hashSessionId, newSessionId, SESSION_MAX_AGE_SECONDS } from "@/lib/auth/sessions";
import { BENCH_SECRET, root } from "./bench-data";

export const DIST = ".next-bench";
const next = path.join(root, "node_modules", ".bin", "next");

export type Page = { name: string; path: string; marker: string };
const iso = (d: Date) => d.toISOString().slice(0, 10);

export async function pickPages(url: string): Promise<{ pages: Page[]; cookie: string }> {
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

/** The environment the bench's build and app processes run with. */
export function benchEnv(databaseUrl: string, baseUrl: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NODE_ENV: "production" as const,
    DATABASE_URL: databaseUrl,
    AUTH_SECRET: BENCH_SECRET,
    AUTH_TRUST_HOST: "true",
    APP_URL: baseUrl,
    NEXT_DIST_DIR: DIST,
    NEXT_TELEMETRY_DISABLED: "1",
    // The outbox worker would poll in the background and skew the figures.
    OUTBOX_WORKER: "off",
    BENCH_REFERENCE: "on",
  };
}

export async function waitUntilUp(url: string, alive: () => boolean): Promise<void> {
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

export async function build(env: NodeJS.ProcessEnv): Promise<void> {
  const dist = env.NEXT_DIST_DIR ?? DIST;
  if (process.argv.includes("--no-build") && existsSync(path.join(root, dist, "BUILD_ID"))) return console.log(`Reusing the build in ${dist}/.`);
  console.log(`Building the app into ${dist}/ ...`);
  // tsconfig.json already includes .next-bench's types, so the build has nothing to add there.
  const child = spawn(next, ["build"], { env, cwd: root, stdio: "inherit" });
  await new Promise<void>((resolve, reject) => child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`next build exited with ${code}`)))));
}

/**
 * Starts server.mjs on each port, each in its own process group (stopping it
 * stops what it starts), and waits for each. Each joins `apps` as it starts,
 * so the caller's stopApps() stops it even if a later one fails.
 */
export async function startApps(ports: number[], env: NodeJS.ProcessEnv, apps: ChildProcess[], nodeArgs: string[] = []): Promise<void> {
  for (const port of ports) {
    const app = spawn(process.execPath, [...nodeArgs, "server.mjs", "--port", String(port)], { env, cwd: root, stdio: "ignore", detached: true });
    apps.push(app);
    await waitUntilUp(`http://127.0.0.1:${port}/login`, () => app.exitCode === null);
  }
}

/** Stops the app processes gracefully (server.mjs closes Next on SIGTERM, which also writes a --cpu-prof profile). */
export async function stopApps(apps: ChildProcess[]): Promise<void> {
  for (const app of apps) {
    if (!app.pid || app.exitCode !== null) continue;
    process.kill(-app.pid, "SIGTERM");
    await new Promise((resolve) => app.once("exit", resolve));
  }
}

/** Fetches each page once and checks it is the page, signed in. */
export async function checkPages(base: string, pages: Page[], cookie: string): Promise<void> {
  for (const page of pages) {
    const res = await fetch(`${base}${page.path}`, { headers: { cookie }, redirect: "manual" });
    const body = await res.text();
    if (res.status !== 200 || !body.includes(page.marker)) throw new Error(`${page.path} answered ${res.status} without "${page.marker}": is the session cookie accepted?`);
  }
}

/**
 * SQL statements per view of each page: MariaDB's global Questions counter
 * around `views` sequential views, less the counter's own read. Nothing else
 * may use the server meanwhile (the bench's apps run without the outbox worker).
 */
export async function queriesPerView(url: string, base: string, pages: Page[], cookie: string, views = 10): Promise<Map<string, number>> {
  const conn = await mysql.createConnection(url);
  const questions = async () => Number((await conn.query<mysql.RowDataPacket[]>("SHOW GLOBAL STATUS LIKE 'Questions'"))[0][0]!.Value);
  const out = new Map<string, number>();
  try {
    for (const page of pages) {
      const before = await questions();
      for (let i = 0; i < views; i++) await (await fetch(`${base}${page.path}`, { headers: { cookie } })).text();
      out.set(page.name, (await questions()) - before - 1);
    }
  } finally {
    await conn.end();
  }
  for (const [name, n] of out) out.set(name, n / views);
  return out;
}

/** Clock ticks per second of /proc's CPU counters. */
export const TICKS_PER_SECOND = Number(spawnSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).stdout.trim()) || 100;

/** After "(comm) " in /proc/PID/stat: state, ppid, pgrp, ..., utime is the 12th field and stime the 13th. */
export function statFields(pid: string | number): string[] | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  } catch {
    return undefined; // gone since the listing
  }
}

/** CPU time (user + system, ms) of every process in the app servers' process groups, from /proc. */
export function appCpuMs(groups: number[]): number {
  let ticks = 0;
  for (const pid of readdirSync("/proc").filter((d) => /^\d+$/.test(d))) {
    const fields = statFields(pid);
    if (fields && groups.includes(Number(fields[2]))) ticks += Number(fields[11]) + Number(fields[12]);
  }
  return (ticks * 1000) / TICKS_PER_SECOND;
}
