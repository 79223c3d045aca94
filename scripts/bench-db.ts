// `npm run bench:db`: the time of each dashboard query at 10k, 100k and 1M
// invoices (1k, 10k and 100k clients), to show how their cost grows. Each
// data set is seeded once on the private bench server and reused.
//
// The dashboard reads only the rollups, so its times should stay flat as the
// invoices grow. For contrast it also times the same figures recounted from
// the base tables, which is what the rollups save. With --explain it prints
// the plan of every dashboard query on the largest set.
//
// `tsx scripts/bench-db.ts --measure` is the per-database worker: it times
// the queries against DATABASE_URL and prints one JSON line.
import { spawn } from "node:child_process";
import { cpus, loadavg } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { format, type RowDataPacket } from "mysql2/promise";
import { BENCH_SECRET, FULL_SIZE, SIZES, benchServer, ensureDataSet, root } from "./lib/bench-data";

const { values: flags } = parseArgs({ options: { measure: { type: "boolean" }, explain: { type: "boolean" } } });

type Timing = { name: string; median: number; p95: number; runs: number };
type Measured = { counts: Record<string, number>; timings: Timing[]; plans: { name: string; sql: string; plan: string }[] };

const ms = (n: number) => `${n.toFixed(n < 10 ? 2 : 1)} ms`;

async function measure(): Promise<void> {
  const { closeDb, getPool } = await import("@/db");
  const q = await import("@/db/queries/dashboard");
  const { readBusinessToday } = await import("@/lib/business-time");
  const { getDb } = await import("@/db");
  const { parseDashboardRange } = await import("@/lib/dashboard/range");
  const today = await readBusinessToday(getDb());
  const range = parseDashboardRange({}, today);
  const month = parseDashboardRange({ range: "month" }, today);
  const currency = "USD";
  const pool = getPool();

  const dashboard: [string, () => Promise<unknown>][] = [
    ["currencies", () => q.listDashboardCurrencies()],
    ["headcounts: clients, staff, services", () => q.getHeadcounts()],
    // One statement answers the period totals, revenue and invoices by status (the page shares it).
    ["period: totals, revenue, status by month", () => q.getPeriodTotals(currency, range, today)],
    ["period: totals, revenue, status by day (month)", () => q.getRevenueSeries(currency, month, "day", today)],
    ["aging: outstanding, overdue, buckets", () => q.getReceivablesAging(currency, today)],
    ["new clients by month (and in period)", () => q.getNewClientSeries(range, "month")],
    ["top services", () => q.getTopServices(currency, range)],
  ];
  // The same figures counted from the base tables: what a dashboard without rollups would run.
  const recounts: [string, string][] = [
    [
      "recount: outstanding and overdue (invoices)",
      `SELECT COUNT(*), SUM(total_minor - amount_paid_minor), SUM(CASE WHEN due_date < '${today}' THEN total_minor - amount_paid_minor END) FROM invoices WHERE currency = 'USD' AND status IN ('sent', 'partially_paid')`,
    ],
    [
      "recount: invoiced and paid in period (invoices)",
      `SELECT COUNT(*), SUM(CASE WHEN status IN ('sent', 'partially_paid', 'paid') THEN total_minor END), SUM(amount_paid_minor) FROM invoices WHERE currency = 'USD' AND issue_date BETWEEN '${range.from}' AND '${range.to}'`,
    ],
    ["recount: clients, new in period (clients)", `SELECT SUM(archived_at IS NULL), SUM(created_at >= '${range.from}') FROM clients`],
    [
      "recount: top services (invoice_items)",
      `SELECT it.service_id, SUM(it.line_total_minor) AS a FROM invoice_items it JOIN invoices i ON i.id = it.invoice_id WHERE i.currency = 'USD' AND i.status IN ('sent', 'partially_paid', 'paid') AND i.issue_date BETWEEN '${range.from}' AND '${range.to}' AND it.service_id IS NOT NULL GROUP BY it.service_id ORDER BY a DESC LIMIT 5`,
    ],
  ];

  async function time(name: string, run: () => Promise<unknown>, runs: number): Promise<Timing> {
    for (let i = 0; i < 3; i++) await run();
    const samples: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t = performance.now();
      await run();
      samples.push(performance.now() - t);
    }
    samples.sort((a, b) => a - b);
    return { name, median: samples[Math.floor(runs / 2)]!, p95: samples[Math.min(runs - 1, Math.ceil(runs * 0.95) - 1)]!, runs };
  }

  const count = async (table: string) => Number((await pool.query<RowDataPacket[]>(`SELECT COUNT(*) AS n FROM ${table}`))[0][0]?.n ?? 0);
  const counts: Record<string, number> = {};
  for (const table of ["clients", "invoices", "invoice_items", "payments", "rollup_invoice_days", "rollup_service_days", "rollup_client_days"]) counts[table] = await count(table);

  const timings: Timing[] = [];
  for (const [name, run] of dashboard) timings.push(await time(name, run, 50));
  for (const [name, sqlText] of recounts) timings.push(await time(name, () => pool.query(sqlText), 5));

  const plans: Measured["plans"] = [];
  if (flags.explain) {
    // Records the statements each query function sends, then asks for their plans.
    const original = pool.query.bind(pool) as (...args: unknown[]) => Promise<unknown>;
    let seen: { sql: string; params: unknown }[] = [];
    (pool as unknown as { query: (...args: unknown[]) => Promise<unknown> }).query = (sqlArg: unknown, params?: unknown) => {
      seen.push({ sql: typeof sqlArg === "string" ? sqlArg : String((sqlArg as { sql: string }).sql), params });
      return original(sqlArg, params);
    };
    for (const [name, run] of dashboard) {
      seen = [];
      await run();
      for (const s of seen) {
        const [rows] = (await original(`EXPLAIN ${s.sql}`, s.params)) as [RowDataPacket[]];
        const plan = rows.map((r) => `${r.table ?? ""} type=${r.type} key=${r.key ?? "-"} rows=${r.rows} ${r.Extra ?? ""}`.trim()).join("\n");
        plans.push({ name, sql: format(s.sql, s.params as never), plan });
      }
    }
  }
  await closeDb();
  console.log(`RESULT ${JSON.stringify({ counts, timings, plans } satisfies Measured)}`);
}

function runMeasure(url: string, explain: boolean): Promise<Measured> {
  return new Promise((resolve, reject) => {
    const args = ["--tsconfig", "tsconfig.scripts.json", "scripts/bench-db.ts", "--measure", ...(explain ? ["--explain"] : [])];
    const child = spawn(path.join(root, "node_modules", ".bin", "tsx"), args, {
      cwd: root,
      env: { ...process.env, DATABASE_URL: url, AUTH_SECRET: BENCH_SECRET, DATABASE_POOL_SIZE: "2" },
      stdio: ["ignore", "pipe", "inherit"],
    });
    let out = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString()));
    child.on("exit", (code) => {
      const line = out.split("\n").find((l) => l.startsWith("RESULT "));
      if (code !== 0 || !line) reject(new Error(`The measuring process failed (exit ${code}).\n${out}`));
      else resolve(JSON.parse(line.slice(7)) as Measured);
    });
  });
}

async function main(): Promise<void> {
  if (flags.measure) return measure();
  const server = await benchServer();
  try {
    const results: { label: string; measured: Measured }[] = [];
    for (const size of SIZES) {
      const url = await ensureDataSet(server.url, size);
      console.log(`Timing the dashboard queries on ${size.label} invoices...`);
      results.push({ label: size.label, measured: await runMeasure(url, Boolean(flags.explain) && size === FULL_SIZE) });
    }
    const labels = results.map((r) => r.label);
    console.log(`\nRows per data set\n${"table".padEnd(46)}${labels.map((l) => l.padStart(14)).join("")}`);
    for (const table of Object.keys(results[0]!.measured.counts)) {
      console.log(`${table.padEnd(46)}${results.map((r) => r.measured.counts[table]!.toLocaleString("en-US").padStart(14)).join("")}`);
    }
    console.log(`\nQuery time, median (p95) over 50 runs, one at a time on one connection; recounts over 5 runs. ${cpus().length} CPUs, load average ${loadavg()[0]!.toFixed(2)}.`);
    console.log(`${"query".padEnd(46)}${labels.map((l) => l.padStart(22)).join("")}`);
    for (const [i, t] of results[0]!.measured.timings.entries()) {
      if (t.name.startsWith("recount") && !results[0]!.measured.timings[i - 1]?.name.startsWith("recount")) console.log("-- not used by the dashboard; shown for contrast --");
      console.log(`${t.name.padEnd(46)}${results.map((r) => `${ms(r.measured.timings[i]!.median)} (${ms(r.measured.timings[i]!.p95)})`.padStart(22)).join("")}`);
    }
    const dashboardTotal = (m: Measured) => m.timings.filter((t) => !t.name.startsWith("recount")).reduce((sum, t) => sum + t.median, 0);
    console.log(`${"sum of dashboard queries (medians)".padEnd(46)}${results.map((r) => ms(dashboardTotal(r.measured)).padStart(22)).join("")}`);
    const plans = results.at(-1)!.measured.plans;
    if (plans.length) {
      console.log(`\nEXPLAIN on ${results.at(-1)!.label} invoices`);
      for (const p of plans) console.log(`\n## ${p.name}\n${p.sql.replace(/\s+/g, " ")}\n${p.plan}`);
    }
  } finally {
    await server.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
