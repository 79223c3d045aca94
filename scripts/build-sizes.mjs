#!/usr/bin/env node
// `npm run build:sizes`: First Load JS per route and the CSS size of the last
// `next build`, as older Next.js printed after a build (Next 16 with Turbopack
// no longer does). Sizes are gzipped, like Next's were; CSS is also shown raw.
//
// First Load JS of a route = the runtime every page loads (rootMainFiles)
// plus the chunks its page entry lists in its client reference manifest.
// Reads NEXT_DIST_DIR (default .next); `-- --all` lists every route, not only
// the back-office and portal pages; `-- --chunks /admin/invoices` lists one
// route's chunks with what each holds. The shared chunks are named by what
// they hold (recognised by strings only that package contains).
import { readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const dist = path.join(root, process.env.NEXT_DIST_DIR ?? ".next");
const all = process.argv.includes("--all");

const sizeCache = new Map();
function sizes(file) {
  if (!sizeCache.has(file)) {
    const body = readFileSync(path.join(dist, file));
    sizeCache.set(file, { raw: body.length, gzip: gzipSync(body, { level: 9 }).length });
  }
  return sizeCache.get(file);
}
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} kB`;
const total = (files, key = "gzip") => [...files].reduce((sum, f) => sum + sizes(f)[key], 0);

function manifests(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) out.push(...manifests(full));
    else if (name === "page_client-reference-manifest.js") out.push(full);
  }
  return out;
}

function load(file) {
  globalThis.self = globalThis;
  globalThis.__RSC_MANIFEST = {};
  // The manifest is a script that assigns to globalThis.__RSC_MANIFEST[<entry>].
  new Function(readFileSync(file, "utf8"))();
  const [entry, manifest] = Object.entries(globalThis.__RSC_MANIFEST)[0];
  return { entry, manifest };
}

// Production chunks carry no module names, so the biggest contributors are
// recognised by strings only they contain. A chunk that matches nothing is
// our own code or a smaller package.
const SIGNATURES = [
  ["react-dom", /__reactContainer/],
  ["Next router and RSC client", /next-router-state-tree|createFromReadableStream/],
  ["Next runtime", /isNextRouterError/],
  ["Turbopack runtime", /^\(globalThis\.TURBOPACK\|\|\(globalThis\.TURBOPACK=\[\]\)\)\.push\(\[[^,]+,"static\/chunks|TURBOPACK_CHUNK_LISTS|registerChunk/],
  ["tailwind-merge", /classGroupId/],
  ["sonner", /data-sonner/],
  ["zod", /ZodError/],
  ["awesome-phonenumber", /awesome-phonenumber|getSupportedRegionCodes|NationalNumber/],
  ["Radix popper (floating-ui)", /data-radix-popper/],
  ["Radix dialog", /data-radix-focus-guard|"DialogContent"/],
  ["Radix menu", /"DropdownMenuContent"|"RovingFocusGroup"/],
  ["react-hook-form", /shouldUnregister/],
  ["@tremor/react and recharts", /recharts|tremor-/],
  ["lucide-react icons", /lucide-/],
  ["root providers (theme, viewer time, region)", /BusinessRegionProvider|ViewerTimeProvider/],
];
function contributors(file) {
  const body = readFileSync(path.join(dist, file), "utf8");
  return SIGNATURES.filter(([, re]) => re.test(body))
    .map(([name]) => name)
    .join(", ");
}

const build = JSON.parse(readFileSync(path.join(dist, "build-manifest.json"), "utf8"));
const shared = new Set(build.rootMainFiles);
const routes = [];
const css = new Set();
for (const file of manifests(path.join(dist, "server", "app"))) {
  const { entry, manifest } = load(file);
  const key = Object.keys(manifest.entryJSFiles).find((k) => k.endsWith(`${entry}`) || k === `[project]/app${entry}`);
  if (!key) continue;
  const route = entry.replace(/\/page$/, "").replace(/\/\([^)]+\)/g, "") || "/";
  if (route.startsWith("/_")) continue;
  for (const f of manifest.entryCSSFiles[key] ?? []) css.add(f.path);
  const files = new Set([...shared, ...manifest.entryJSFiles[key]]);
  routes.push({ route, own: [...files].filter((f) => !shared.has(f)), files });
}
routes.sort((a, b) => a.route.localeCompare(b.route));
// Chunks every route loads count as shared, as Next counted them.
const common = routes.length ? routes.map((r) => r.own).reduce((acc, own) => acc.filter((f) => own.includes(f))) : [];
const shown = all ? routes : routes.filter((r) => /^\/(admin|staff|portal)(\/|$)/.test(r.route) || r.route === "/login");

console.log(`Build in ${path.relative(root, dist)}/\n`);
console.log(`${"Route (app)".padEnd(34)}${"Size".padStart(10)}${"First Load JS".padStart(16)}`);
for (const r of shown) {
  const own = r.own.filter((f) => !common.includes(f));
  console.log(`${r.route.padEnd(34)}${kb(total(own)).padStart(10)}${kb(total(r.files)).padStart(16)}`);
}
const sharedAll = new Set([...shared, ...common]);
console.log(`${"+ First Load JS shared by all".padEnd(34)}${"".padStart(10)}${kb(total(sharedAll)).padStart(16)}`);
for (const f of [...sharedAll].sort((a, b) => sizes(b).gzip - sizes(a).gzip)) console.log(`  ${path.basename(f).padEnd(32)}${kb(sizes(f).gzip).padStart(10)}  ${contributors(f)}`);
console.log(`\nThe floor: Next.js's runtime and React (rootMainFiles, loaded by every page, ours or not) are ${kb(total(shared))} of that.`);
const chunksOf = process.argv.indexOf("--chunks");
if (chunksOf > 0) {
  const r = routes.find((x) => x.route === process.argv[chunksOf + 1]);
  if (!r) throw new Error(`No route ${process.argv[chunksOf + 1]}`);
  console.log(`\n${r.route}: its own chunks`);
  for (const f of r.own.sort((a, b) => sizes(b).gzip - sizes(a).gzip)) console.log(`  ${path.basename(f).padEnd(32)}${kb(sizes(f).gzip).padStart(10)}  ${contributors(f)}`);
}
console.log("\nCSS");
for (const f of css) console.log(`  ${path.basename(f).padEnd(32)}${kb(sizes(f).raw).padStart(10)} raw  ${kb(sizes(f).gzip).padStart(9)} gzip`);
