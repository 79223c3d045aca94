// `npm run bench:compare`: two or more production builds of ClientDesk, paired.
// Each build is served by its own server.mjs, all at once, against the bench
// data set (100k clients, 1M invoices), and each page is driven on all of
// them at the same time; each process's CPU ms per request is read from its
// own /proc counters over the same seconds. A machine whose speed drifts
// (other tenants: the same page's CPU per request moved by a third between
// runs of bench:web here) moves every build alike, so the per-round ratios
// to the first build read a 5–10% change that two bench:web runs can't.
//
//   npm run bench:compare -- --build .next-base    build this checkout into .next-base (bench settings)
//   npm run bench:compare -- .next-base .next-bench    compare builds; the first is the base
//   npm run bench:compare -- .next-bench .next-bench@--max-semi-space-size=32
//                                                      the same build under other Node.js flags (comma-separated after @)
//
// To compare with an earlier commit: check it out (or stash), build it with
// --build into a folder of its own, come back, and compare that folder with
// .next-bench (what bench:web builds) or another --build. BENCH_PAGES picks
// pages by name prefix (default: all five), BENCH_ROUNDS (4), BENCH_SECONDS
// per page and round (8), BENCH_CONNECTIONS per build (5).
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { ChildProcess } from "node:child_process";
import autocannon from "autocannon";
import { appCpuMs, benchEnv, build, checkPages, pickPages, startApps, stopApps } from "./lib/bench-app";
import { FULL_SIZE, benchServer, ensureDataSet, root } from "./lib/bench-data";

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 4);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 5);
const PORT = Number(process.env.BENCH_PORT ?? 3320);
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** `--build DIR`: this checkout's production build into DIR, with the bench's settings. tsconfig.json is left as it was (Next adds the folder's types to it). */
async function buildInto(dir: string): Promise<void> {
  const tsconfig = path.join(root, "tsconfig.json");
  const before = readFileSync(tsconfig, "utf8");
  try {
    await build({ ...benchEnv("mysql://build@127.0.0.1:3309/unused", `http://127.0.0.1:${PORT}`), NEXT_DIST_DIR: dir });
  } finally {
    writeFileSync(tsconfig, before);
  }
}

async function compare(dirs: string[]): Promise<void> {
  const server = await benchServer();
  const apps = dirs.map(() => [] as ChildProcess[]);
  try {
    const url = await ensureDataSet(server.url, FULL_SIZE);
    const { pages: all, cookie } = await pickPages(url);
    const wanted = process.env.BENCH_PAGES?.split(",").map((s) => s.trim());
    const pages = wanted ? all.filter((p) => wanted.some((w) => p.name.startsWith(w))) : all;
    for (const [i, served] of dirs.entries()) {
      const [dir, flags] = served.split("@");
      await startApps([PORT + i], { ...benchEnv(url, `http://127.0.0.1:${PORT + i}`), NEXT_DIST_DIR: dir }, apps[i]!, flags ? flags.split(",") : []);
      await checkPages(`http://127.0.0.1:${PORT + i}`, pages, cookie);
    }
    console.log(`${dirs.length} builds at once (${dirs.join(", ")}), ${CONNECTIONS} connections each, ${SECONDS} s per page and round, ${ROUNDS} rounds.\n`);
    const cpuMs = new Map<string, number[]>(); // `${page}|${dir}` → per round
    for (let round = 1; round <= ROUNDS; round++) {
      for (const page of pages) {
        const drive = (i: number, seconds: number) =>
          new Promise<autocannon.Result>((resolve, reject) =>
            autocannon({ url: `http://127.0.0.1:${PORT + i}${page.path}`, connections: CONNECTIONS, duration: seconds, headers: { cookie } }, (error, res) => (error ? reject(error) : resolve(res))),
          );
        await Promise.all(dirs.map((_, i) => drive(i, 2))); // warm-up
        const groups = apps.map((a) => a[0]!.pid!);
        const before = groups.map((g) => appCpuMs([g]));
        const results = await Promise.all(dirs.map((_, i) => drive(i, SECONDS)));
        const line = dirs.map((dir, i) => {
          const ok = results[i]!.requests.total - results[i]!.non2xx;
          const ms = (appCpuMs([groups[i]!]) - before[i]!) / ok;
          cpuMs.set(`${page.name}|${dir}`, [...(cpuMs.get(`${page.name}|${dir}`) ?? []), ms]);
          return `${dir} ${ms.toFixed(1)} ms${results[i]!.non2xx ? ` (${results[i]!.non2xx} not 2xx)` : ""}`;
        });
        console.log(`round ${round}  ${page.name.padEnd(40)} ${line.join("   ")}`);
      }
    }
    console.log(`\nCPU ms per request (median of ${ROUNDS} rounds), and the per-round ratio to ${dirs[0]} (lower is better)`);
    for (const page of pages) {
      const base = cpuMs.get(`${page.name}|${dirs[0]}`)!;
      for (const dir of dirs) {
        const own = cpuMs.get(`${page.name}|${dir}`)!;
        const ratios = own.map((ms, r) => ms / base[r]!);
        const detail = dir === dirs[0] ? "" : `   ÷ base ${median(ratios).toFixed(2)} (rounds: ${ratios.map((x) => x.toFixed(2)).join(" ")})`;
        console.log(`  ${page.name.padEnd(40)} ${dir.padEnd(14)} ${median(own).toFixed(1).padStart(6)} ms${detail}`);
      }
    }
  } finally {
    for (const a of apps) await stopApps(a);
    await server.stop();
  }
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const at = args.indexOf("--build");
  if (at >= 0) return buildInto(args[at + 1] ?? ".next-base");
  const dirs = args.filter((a) => !a.startsWith("-"));
  if (dirs.length < 2) throw new Error("Name two or more build folders: npm run bench:compare -- .next-base .next-bench (make one with -- --build .next-base).");
  await compare(dirs);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
