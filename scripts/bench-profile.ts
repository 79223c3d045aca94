// `npm run bench:profile`: where one page's server milliseconds go. Starts
// one server.mjs from the bench build (.next-bench, as bench:web leaves it)
// against the bench data set with Node's --cpu-prof, drives one page for a
// while, stops the server (which writes the profile) and prints the
// functions with the most self time and the time per package.
//
//   npm run bench:profile                    the invoice list
//   npm run bench:profile -- dashboard       or: "client search", "one invoice", reference
//   BENCH_SECONDS=20 npm run bench:profile   a longer run (default 15 s, 4 connections)
//
// The .cpuprofile stays in .data/profiles/ for Chrome DevTools' Performance
// panel or speedscope; `-- --from <file>` summarizes one again. Samples in
// the build's chunks and in Next's bundled runtime are named through their
// source maps, so costs add up by package and by our own folders.
import { existsSync, mkdirSync, readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { FlattenMap, originalPositionFor, type TraceMap } from "@jridgewell/trace-mapping";
import path from "node:path";
import type { ChildProcess } from "node:child_process";
import autocannon from "autocannon";
import { benchEnv, build, checkPages, pickPages, startApps, stopApps } from "./lib/bench-app";
import { FULL_SIZE, benchServer, ensureDataSet, root } from "./lib/bench-data";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const PORT = Number(process.env.BENCH_PORT ?? 3300);
const BASE = `http://127.0.0.1:${PORT}`;
const PROFILES = path.join(root, ".data", "profiles");
const wanted = process.argv.slice(2).find((a, i, all) => !a.startsWith("--") && all[i - 1] !== "--from") ?? "invoice list";

type Node = { id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number }; children?: number[] };
type Profile = { nodes: Node[]; samples: number[]; timeDeltas: number[]; startTime: number; endTime: number };

// The build's chunks and Next's bundled runtimes are minified; their source
// maps name the module each sample ran in and its original function name.
const maps = new Map<string, TraceMap | null>();
function traceMap(url: string): TraceMap | null {
  if (!maps.has(url)) {
    const file = url.startsWith("file://") ? fileURLToPath(url) : url;
    maps.set(url, existsSync(`${file}.map`) ? FlattenMap(readFileSync(`${file}.map`, "utf8")) : null);
  }
  return maps.get(url)!;
}

// Two packages publish source maps whose sources point outside their own
// folder (drizzle-orm's "../src/entity.ts" from its root; lucide-react's
// "../../../shared/src/..."), so they resolve to node_modules/src and
// node_modules/shared.
const MISPLACED: Record<string, string> = { src: "drizzle-orm", shared: "lucide-react" };

/** The package a source belongs to ("react-dom", "drizzle-orm"), or for our own code its folder ("app", "components/invoices"). */
function packageOf(rawSource: string): string {
  const source = decodeURIComponent(rawSource).replace(/^webpack:\/\/next\//, "node_modules/next/");
  const pkg = source.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/);
  if (pkg) {
    // Next bundles React's server renderer, the RSC runtime and its own helpers under next/dist.
    const inner = source.match(/next\/dist\/compiled\/((?:@[^/]+\/)?[^/]+)/) ?? source.match(/next\/dist\/(server|client|shared)\//);
    if (inner) return `next: ${inner[1]}`;
    return MISPLACED[pkg[1]!] ?? pkg[1]!;
  }
  if (source.startsWith("turbopack:")) return "turbopack runtime";
  const ours = source.replace(/^.*\[project\]\//, "").replace(/^(\.\.\/)+/, "");
  // Our own code by folder and file ("lib/money.ts", "components/invoices"); anything else by its first folder.
  return (
    ours
      .split("/")
      .slice(0, /^(components|lib|db|app)\//.test(ours) ? 2 : 1)
      .join("/") || source
  );
}

/** Where a sampled function came from: its original name and package, through the source map where there is one. */
function origin(frame: Node["callFrame"]): { name: string; who: string; where: string } {
  const { functionName, url, lineNumber, columnNumber } = frame;
  if (!url) return { name: functionName, who: ["(garbage collector)", "(idle)", "(program)"].includes(functionName) ? functionName : "(native)", where: "" };
  if (url.startsWith("node:")) return { name: functionName || "(anonymous)", who: "node core", where: url };
  const file = url.startsWith("file://") ? fileURLToPath(url) : url;
  const map = traceMap(url);
  const pos = map ? originalPositionFor(map, { line: lineNumber + 1, column: Math.max(0, columnNumber) }) : null;
  if (pos?.source) {
    // Relative sources are relative to the file that ran (Next's dist files point at ../../src).
    const raw = decodeURIComponent(pos.source);
    const source = raw.startsWith(".") ? path.resolve(path.dirname(file), raw) : raw;
    const shown = source.startsWith(root) ? path.relative(root, source) : source.replace(/^.*\[project\]\//, "");
    return { name: pos.name ?? functionName ?? "(anonymous)", who: packageOf(shown), where: `${shown}:${pos.line}` };
  }
  return { name: functionName || "(anonymous)", who: packageOf(file), where: path.relative(root, file) };
}

function summarize(profile: Profile): number {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const idle = [...self.entries()].filter(([id]) => byId.get(id)!.callFrame.functionName === "(idle)").reduce((a, [, t]) => a + t, 0);
  const busy = total - idle;
  const fns = new Map<string, number>();
  const owners = new Map<string, number>();
  for (const [id, t] of self) {
    const frame = byId.get(id)!.callFrame;
    if (frame.functionName === "(idle)") continue;
    const { name, who, where } = origin(frame);
    const key = `${name || "(anonymous)"}  ${where || who}`;
    fns.set(key, (fns.get(key) ?? 0) + t);
    owners.set(who, (owners.get(who) ?? 0) + t);
  }
  const pct = (t: number) => `${((100 * t) / busy).toFixed(1).padStart(5)}%`;
  const ms = (t: number) => `${(t / 1000).toFixed(0).padStart(7)} ms`;
  console.log(`\nProfile: ${ms(total)} sampled, ${ms(busy)} busy (idle left out).`);
  console.log("\nSelf time by package:");
  for (const [who, t] of [...owners].sort((a, b) => b[1] - a[1]).slice(0, 15)) console.log(`  ${pct(t)} ${ms(t)}  ${who}`);
  console.log("\nTop functions by self time:");
  for (const [key, t] of [...fns].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`  ${pct(t)} ${ms(t)}  ${key}`);
  // Our own functions with what they call (drizzle's SQL building, React's render of their elements):
  // each sample counts once for every distinct function of ours on its stack.
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const oursOf = new Map<number, string | null>();
  const ourKey = (id: number): string | null => {
    if (!oursOf.has(id)) {
      const { name, who, where } = origin(byId.get(id)!.callFrame);
      oursOf.set(id, /^(app|components|lib|db|emails)\b/.test(who) ? `${name || "(anonymous)"}  ${where}` : null);
    }
    return oursOf.get(id)!;
  };
  const inclusive = new Map<string, number>();
  for (const [id, t] of self) {
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const key = ourKey(at);
      if (key) seen.add(key);
    }
    for (const key of seen) inclusive.set(key, (inclusive.get(key) ?? 0) + t);
  }
  console.log("\nOur own functions by total time (with what they call):");
  for (const [key, t] of [...inclusive].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`  ${pct(t)} ${ms(t)}  ${key}`);
  return busy / 1000;
}

async function main(): Promise<void> {
  const from = process.argv.indexOf("--from");
  if (from > 0) {
    // Summarize a profile taken earlier, without running anything.
    summarize(JSON.parse(readFileSync(process.argv[from + 1]!, "utf8")) as Profile);
    return;
  }
  const server = await benchServer();
  const apps: ChildProcess[] = [];
  try {
    const url = await ensureDataSet(server.url, FULL_SIZE);
    const env = benchEnv(url, BASE);
    await build(env);
    const { pages, cookie } = await pickPages(url);
    const page = pages.find((p) => p.name.startsWith(wanted));
    if (!page) throw new Error(`No page named "${wanted}"; pick one of: ${pages.map((p) => p.name).join(", ")}`);
    // Earlier profiles stay (a before to compare with `--from`); this run's is the one not there yet.
    mkdirSync(PROFILES, { recursive: true });
    const earlier = new Set(readdirSync(PROFILES));
    await startApps([PORT], env, apps, ["--cpu-prof", `--cpu-prof-dir=${PROFILES}`, "--cpu-prof-interval=200"]);
    await checkPages(BASE, [page], cookie);
    // Warm-up (JIT, caches, connection pool); the profile covers it and the server's start too.
    const run = (seconds: number) =>
      new Promise<autocannon.Result>((resolve, reject) =>
        autocannon({ url: `${BASE}${page.path}`, connections: 4, duration: seconds, headers: { cookie } }, (error, res) => (error ? reject(error) : resolve(res))),
      );
    const warm = await run(3);
    const result = await run(SECONDS);
    console.log(`${page.name}: ${result.requests.total} requests in ${SECONDS} s at 4 connections (${result.non2xx} not 2xx), plus 3 s of warm-up.`);
    await stopApps(apps);
    const file = readdirSync(PROFILES).find((f) => f.endsWith(".cpuprofile") && !earlier.has(f));
    if (!file) throw new Error(`No profile in ${PROFILES}: did server.mjs exit cleanly?`);
    console.log(`Profile: ${path.relative(root, path.join(PROFILES, file))}`);
    const profile = JSON.parse(readFileSync(path.join(PROFILES, file), "utf8")) as Profile;
    const busyMs = summarize(profile);
    const requests = warm.requests.total + result.requests.total;
    console.log(`\nBusy CPU per request: ${(busyMs / requests).toFixed(1)} ms (${requests} requests; the server's start is in the profile too).`);
  } finally {
    await stopApps(apps);
    await server.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
