// The data sets behind bench:db and bench:web: the demo seed plus bulk
// clients and invoices, one database per size, on the private `bench` server
// (port 3309, 4 GB buffer pool) or the server in BENCH_DATABASE_URL. Each is
// seeded once and reused; `BENCH_DB` renames them (default clientdesk_bench).
import { spawn } from "node:child_process";
import path from "node:path";
import mysql from "mysql2/promise";
import { createDatabase, startPrivateServer, withDatabase } from "./database.mjs";
import { ensureSystemPackages } from "./system.mjs";

export const root = path.resolve(__dirname, "..", "..");
export const BENCH_SECRET = "bench-secret-bench-secret-bench-secret-0123456789";

export type BenchSize = { label: string; clients: number; invoices: number };
export const SIZES: BenchSize[] = [
  { label: "10k", clients: 1_000, invoices: 10_000 },
  { label: "100k", clients: 10_000, invoices: 100_000 },
  { label: "1M", clients: 100_000, invoices: 1_000_000 },
];
export const FULL_SIZE = SIZES[2]!;

export function databaseName(size: BenchSize): string {
  const base = process.env.BENCH_DB ?? "clientdesk_bench";
  return size === FULL_SIZE ? base : `${base}_${size.label.toLowerCase()}`;
}

/** Starts (or reuses) the bench database server; `pidFile` is the private server's (none with BENCH_DATABASE_URL). */
export async function benchServer(): Promise<{ url: string; pidFile?: string; stop: () => Promise<void> }> {
  if (process.env.BENCH_DATABASE_URL) return { url: process.env.BENCH_DATABASE_URL, stop: async () => {} };
  ensureSystemPackages({ needServer: true }); // on a new machine, as npm test and npm run up do
  const server = await startPrivateServer(root, "bench");
  return { url: server.url, pidFile: server.pidFile, stop: server.stop };
}

/** Runs a project script with tsx; resolves when it exits 0. */
export function tsx(script: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(path.join(root, "node_modules", ".bin", "tsx"), ["--tsconfig", "tsconfig.scripts.json", script, ...args], { cwd: root, env, stdio: "inherit" });
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${script} ${args.join(" ")} exited with ${code}`))));
  });
}

async function scalar(url: string, query: string): Promise<number> {
  const conn = await mysql.createConnection(url);
  try {
    const [rows] = await conn.query<mysql.RowDataPacket[]>(query);
    return Number(Object.values(rows[0] ?? {})[0] ?? 0);
  } finally {
    await conn.end();
  }
}

/**
 * The database for a size, migrated, seeded at that size when it has fewer
 * invoices than that, and with its rollups counted. Returns its URL.
 */
export async function ensureDataSet(serverUrl: string, size: BenchSize): Promise<string> {
  const url = withDatabase(serverUrl, databaseName(size));
  await createDatabase(url);
  const env = { ...process.env, DATABASE_URL: url, AUTH_SECRET: BENCH_SECRET, NEXT_TELEMETRY_DISABLED: "1" };
  await tsx("scripts/migrate.ts", [], env);
  const invoices = await scalar(url, "SELECT COUNT(*) FROM invoices");
  if (invoices < size.invoices) {
    // A half-seeded set (an interrupted run) starts over, so every run measures the same data.
    if (invoices > 0) {
      await createDatabase(url, { fresh: true });
      await tsx("scripts/migrate.ts", [], env);
    }
    console.log(`Seeding ${databaseName(size)}: ${size.clients.toLocaleString("en-US")} clients and ${size.invoices.toLocaleString("en-US")} invoices (once; later runs reuse it)...`);
    await tsx("scripts/seed.ts", ["--clients", String(size.clients), "--invoices", String(size.invoices)], env);
  } else if ((await scalar(url, "SELECT COUNT(*) FROM rollup_invoice_days")) === 0) {
    // Seeded before the rollups existed.
    await tsx("scripts/rollups.ts", [], env);
  }
  return url;
}
